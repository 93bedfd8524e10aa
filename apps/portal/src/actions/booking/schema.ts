import { parseDayKey } from '@repo/domain/dates'
import { z } from 'zod'

const serviceId = z.uuid({ message: 'Pick a service.' })

/** A free time the customer picked (an instant from available_slots). */
export const startsAtSchema = z.iso.datetime({ offset: true, message: 'Pick a day and time.' })

/** One page of free times: the service, the page's first day (the business's calendar), a job being moved. */
export const findSlotsSchema = z.object({
  serviceId,
  from: z.string().refine((value) => parseDayKey(value) !== null, { message: 'Pick a day.' }),
  jobId: z.uuid({ message: 'Unknown appointment.' }).optional(),
})

export const bookSchema = z.object({
  serviceId,
  propertyId: z.uuid({ message: 'Pick one of your properties.' }).nullable().default(null),
  startsAt: startsAtSchema,
  notes: z
    .string()
    .trim()
    .max(2000, { message: 'Keep the notes under 2000 characters.' })
    .default(''),
})

export type FindSlotsInput = z.input<typeof findSlotsSchema>
export type BookInput = z.input<typeof bookSchema>
