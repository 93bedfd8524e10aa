import {
  MAX_SHIFTS_PER_WEEK,
  MAX_TIME_OFF_REASON_CHARS,
  shiftProblems,
} from '@repo/domain/availability'
import { z } from 'zod'
import { optionalText, recordId } from '../ids.ts'

const shiftSchema = z.object({
  weekday: z.number({ message: 'Pick a day of the week' }).int().min(0).max(6),
  starts_at: z.string().trim().max(8),
  ends_at: z.string().trim().max(8),
})

/** A technician's whole week; the rules of shiftProblems land on each shift's fields. */
export const workingHoursSchema = z.object({
  staffMemberId: recordId('Technician'),
  shifts: z
    .array(shiftSchema)
    .max(MAX_SHIFTS_PER_WEEK, `At most ${MAX_SHIFTS_PER_WEEK} shifts a week`)
    .superRefine((shifts, ctx) => {
      for (const problem of shiftProblems(shifts)) {
        ctx.addIssue({
          code: 'custom',
          path: [problem.index, problem.field],
          message: problem.message,
        })
      }
    }),
})

/** Time off as typed: whole days, or one day with times (in the business's zone). */
export const timeOffSchema = z.object({
  staffMemberId: recordId('Technician'),
  allDay: z.boolean(),
  firstDay: z.string().max(10).optional().default(''),
  lastDay: z.string().max(10).optional().default(''),
  day: z.string().max(10).optional().default(''),
  startTime: z.string().max(8).optional().default(''),
  endTime: z.string().max(8).optional().default(''),
  reason: optionalText(MAX_TIME_OFF_REASON_CHARS, 'Reason'),
})

export const timeOffRemoveSchema = z.object({ timeOffId: recordId('Time off') })

export const skillsSchema = z.object({
  staffMemberId: recordId('Technician'),
  serviceIds: z.array(recordId('Service')).max(500, 'Too many services'),
})
