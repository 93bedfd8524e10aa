'use server'

import { ok } from '@repo/actions/result'
import { readPortalUrl } from '@repo/database/env'
import type { OrganizationRow } from '@repo/database/types'
import type { NotificationContext } from '@repo/notifications'
import { renderEmail, renderSms, samplePayloads } from '@repo/notifications/templates'
import { staffAction } from '@/lib/staff-action.ts'
import { templateDraftSchema } from './schema.ts'

export type TemplatePreview =
  | { channel: 'email'; subject: string; html: string; text: string }
  | { channel: 'sms'; text: string }

/** The business as the worker sees it (notification_context), for a made-up customer. */
function previewContext(
  org: OrganizationRow,
  template: NotificationContext['template'],
): NotificationContext {
  return {
    organization: {
      name: org.name,
      email: org.email,
      phone: org.phone,
      address: org.address,
      timezone: org.timezone,
      currency: org.currency,
      accent_color: org.accent_color,
    },
    customer: { first_name: 'Alice', last_name: 'Johnson' },
    template,
  }
}

/**
 * The message as a customer would get it, with the draft's words (saved or not) and sample data,
 * rendered by the worker's own functions (the same React e-mail, the same plain-text part).
 */
export const previewTemplateAction = staffAction(
  { name: 'notifications.template.preview', schema: templateDraftSchema, role: 'settings.manage' },
  async ({ input, ctx: { organization } }) => {
    const template =
      input.subject || input.body
        ? { subject: input.subject ?? null, body: input.body ?? null }
        : null
    const context = previewContext(organization, template)
    const payload = samplePayloads[input.event]()
    const link = `${readPortalUrl().replace(/\/+$/, '')}/appointments`
    if (input.channel === 'sms') {
      return ok<TemplatePreview>({
        channel: 'sms',
        text: renderSms(input.event, payload, context, link),
      })
    }
    const mail = await renderEmail(input.event, payload, context, { link })
    return ok<TemplatePreview>({ channel: 'email', ...mail })
  },
)
