'use server'

import { ok } from '@repo/actions/result'
import { updateJob } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { jobRescheduleSchema } from './schema.ts'

/** Moves a job to a new window and clears any pending reschedule request from the customer. */
export const rescheduleJobAction = staffAction(
  {
    name: 'jobs.reschedule',
    schema: jobRescheduleSchema,
    role: 'jobs.schedule',
  },
  async ({ input, ctx: { supabase }, revalidate }) => {
    const job = await updateJob(supabase, input.jobId, {
      scheduled_start: input.scheduledStart,
      scheduled_end: input.scheduledEnd,
      reschedule_requested_at: null,
      reschedule_note: null,
      reschedule_preferred_times: null,
    })
    revalidate('/jobs', `/customers/${job.customer_id}`)
    return ok(job)
  },
)
