'use server'

import { ok } from '@repo/actions/result'
import { updateJob } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { technicianKey } from '../unknown-records.ts'
import { type ScheduleOutcome, unconfirmedConflicts } from './schedule-outcome.ts'
import { jobMoveSchema } from './schema.ts'

/**
 * Moves a job to a technician, time and length in one update (the calendar's drag, resize and Move
 * dialog). Conflicts come back first, unless the dispatcher confirmed them; the database refuses
 * the past, more than a day and unknown technicians with its own words.
 */
export const moveJobAction = staffAction(
  {
    name: 'jobs.move',
    schema: jobMoveSchema,
    role: 'jobs.schedule',
    errors: { foreignKeys: technicianKey },
  },
  async ({ input, ctx: { supabase }, revalidate }) => {
    const conflicts = await unconfirmedConflicts(supabase, input)
    if (conflicts.length > 0) return ok<ScheduleOutcome>({ status: 'conflicts', conflicts })
    // Moving the start also clears a customer's pending reschedule request (the database does it).
    const job = await updateJob(supabase, input.jobId, {
      technician_id: input.technicianId,
      scheduled_start: input.scheduledStart,
      scheduled_end: input.scheduledEnd,
    })
    revalidate('/jobs', `/customers/${job.customer_id}`)
    return ok<ScheduleOutcome>({ status: 'saved', job })
  },
)
