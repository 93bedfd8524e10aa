import { jobStatuses } from '@repo/domain/jobs'
import { z } from 'zod'
import { optionalText, recordId, timestamp } from '../ids.ts'

const endAfterStart = <T extends { scheduledStart: string; scheduledEnd: string }>(
  v: T,
  ctx: z.RefinementCtx,
) => {
  if (Date.parse(v.scheduledEnd) <= Date.parse(v.scheduledStart)) {
    ctx.addIssue({ code: 'custom', path: ['scheduledEnd'], message: 'End must be after the start' })
  }
}

const atMostADay = <T extends { scheduledStart: string; scheduledEnd: string }>(
  v: T,
  ctx: z.RefinementCtx,
) => {
  if (Date.parse(v.scheduledEnd) - Date.parse(v.scheduledStart) > 24 * 3600_000) {
    ctx.addIssue({
      code: 'custom',
      path: ['scheduledEnd'],
      message: 'A job can last at most 24 hours',
    })
  }
}

/** Sent again as true once the dispatcher has seen the conflicts and saves anyway. */
const confirmed = z.boolean().optional().default(false)

export const jobScheduleSchema = z
  .object({
    customerId: recordId('Customer'),
    serviceId: recordId('Service').nullable().optional().default(null),
    propertyId: recordId('Property').nullable().optional().default(null),
    technicianId: recordId('Technician').nullable().optional().default(null),
    title: z.string().trim().min(1, 'Title is required').max(200, 'Title is too long'),
    scheduledStart: timestamp('Start'),
    scheduledEnd: timestamp('End'),
    priceCents: z
      .number({ message: 'Price must be a number' })
      .int('Price must be whole cents')
      .min(0, 'Price cannot be negative')
      .max(100_000_000, 'Price is too large'),
    address: optionalText(300, 'Address'),
    notes: optionalText(4000, 'Notes'),
    confirmed,
  })
  .superRefine(endAfterStart)
  .superRefine(atMostADay)

/** A job put on another technician, time or length (calendar drag, resize or the Move dialog). */
export const jobMoveSchema = z
  .object({
    jobId: recordId('Job'),
    technicianId: recordId('Technician').nullable(),
    scheduledStart: timestamp('Start'),
    scheduledEnd: timestamp('End'),
    confirmed,
  })
  .superRefine(endAfterStart)
  .superRefine(atMostADay)

export const customerSearchSchema = z.object({
  search: z.string().trim().max(100, 'Search is too long'),
})

export const customerIdSchema = z.object({ customerId: recordId('Customer') })

export const jobRescheduleSchema = z
  .object({
    jobId: recordId('Job'),
    scheduledStart: timestamp('Start'),
    scheduledEnd: timestamp('End'),
  })
  .superRefine(endAfterStart)

export const jobAssignSchema = z.object({
  jobId: recordId('Job'),
  technicianId: recordId('Technician').nullable(),
})

export const jobStatusSchema = z
  .object({
    jobId: recordId('Job'),
    status: z.enum(jobStatuses, { message: 'Unknown job status' }),
    reason: optionalText(500, 'Reason'),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'cancelled' && !v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Give a reason for cancelling' })
    }
  })
