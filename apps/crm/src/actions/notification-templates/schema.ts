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

/** A business's own subject and body, checked against the event's variables and the limits. */
export const templateSchema = templateKeySchema
  .extend({ subject: words, body: words })
  .superRefine((value, ctx) => {
    const errors = validateTemplate(value.event, value.channel, value)
    for (const [field, message] of Object.entries(errors ?? {})) {
      ctx.addIssue({ code: 'custom', path: [field], message })
    }
  })
