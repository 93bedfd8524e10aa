import { z } from 'zod'

export const jobIdSchema = z.uuid({ message: 'Unknown appointment.' })

export const rescheduleSchema = z.object({
  jobId: jobIdSchema,
  preferredTimes: z
    .array(z.iso.datetime({ offset: true, message: 'Pick a date and time.' }))
    .min(1, { message: 'Suggest at least one time that suits you.' })
    .max(3, { message: 'Suggest up to three times.' })
    .refine((times) => times.every((t) => new Date(t).getTime() > Date.now()), {
      message: 'Suggested times must be in the future.',
    }),
  note: z.string().trim().max(500, { message: 'Keep the note under 500 characters.' }).default(''),
})

export const cancelSchema = z.object({
  jobId: jobIdSchema,
  reason: z
    .string()
    .trim()
    .min(1, { message: 'Tell us briefly why you are cancelling.' })
    .max(500, { message: 'Keep the reason under 500 characters.' }),
})

/** Moving an appointment to a free time the customer picked (an instant from available_slots). */
export const moveSchema = z.object({
  jobId: jobIdSchema,
  startsAt: z.iso.datetime({ offset: true, message: 'Pick a day and time.' }),
})
