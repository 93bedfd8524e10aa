import {
  type TemplateEvent,
  templateEvents,
  validateTemplate,
} from '@repo/notifications/template-variables'
import { z } from 'zod'

const words = z
  .string()
  .trim()
  .max(10_000)
  .transform((v) => v || null)
  .nullish()

/** Which message: one event on one channel (the events come from the template registry). */
export const templateKeySchema = z.object({
  event: z.enum(templateEvents as [TemplateEvent, ...TemplateEvent[]], {
    message: 'Unknown notification',
  }),
  channel: z.enum(['email', 'sms'], { message: 'Pick e-mail or text message' }),
})

const checked = (allowEmpty: boolean) =>
  templateKeySchema.extend({ subject: words, body: words }).superRefine((value, ctx) => {
    const errors = validateTemplate(value.event, value.channel, value, { allowEmpty })
    for (const [field, message] of Object.entries(errors ?? {})) {
      ctx.addIssue({ code: 'custom', path: [field], message })
    }
  })

/** A business's own subject and body, checked against the event's variables and the limits. */
export const templateSchema = checked(false)

/** A draft to preview: the same checks, and an empty one previews the default words. */
export const templateDraftSchema = checked(true)
