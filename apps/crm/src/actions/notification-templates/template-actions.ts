'use server'

import { ok } from '@repo/actions/result'
import { resetNotificationTemplate, saveNotificationTemplate } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { templateKeySchema, templateSchema } from './schema.ts'

const revalidate = ['/settings/notifications'] as const

/** Saves the business's wording for one event and channel (owners and admins; RLS agrees). */
export const saveTemplateAction = staffAction(
  {
    name: 'notifications.template.save',
    schema: templateSchema,
    role: 'settings.manage',
    revalidate,
  },
  async ({ input, ctx: { supabase, organization, userId } }) =>
    ok(
      await saveNotificationTemplate(supabase, {
        organizationId: organization.id,
        event: input.event,
        channel: input.channel,
        subject: input.channel === 'email' ? (input.subject ?? null) : null,
        body: input.body ?? null,
        updatedBy: userId,
      }),
    ),
)

/** Back to the built-in words for one event and channel. */
export const resetTemplateAction = staffAction(
  {
    name: 'notifications.template.reset',
    schema: templateKeySchema,
    role: 'settings.manage',
    revalidate,
  },
  async ({ input, ctx: { supabase, organization } }) =>
    ok(await resetNotificationTemplate(supabase, { organizationId: organization.id, ...input })),
)
