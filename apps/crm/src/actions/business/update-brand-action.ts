'use server'

import { ok } from '@repo/actions/result'
import { updateOrganization } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { brandSchema } from './schema.ts'

/** The business's colour in its e-mails (owners and admins; the database checks the format too). */
export const updateBrandAction = staffAction(
  {
    name: 'settings.brand',
    schema: brandSchema,
    role: 'settings.manage',
    revalidate: ['/settings/notifications'],
  },
  async ({ input, ctx: { supabase, organization } }) =>
    ok(await updateOrganization(supabase, organization.id, { accent_color: input.accentColor })),
)
