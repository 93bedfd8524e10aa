'use server'

import { updateJob } from '@repo/database/repositories'
import type { JobRow } from '@repo/database/types'
import { revalidatePath } from 'next/cache'
import type { z } from 'zod'
import { type ActionResult, ok } from '@/lib/action-result.ts'
import { runStaffAction } from '@/lib/staff-action.ts'
import { jobRescheduleSchema } from './schema.ts'

/** Moves a job to a new window and clears any pending reschedule request from the customer. */
export async function rescheduleJobAction(input: z.input<typeof jobRescheduleSchema>): Promise<ActionResult<JobRow>> {
  return runStaffAction('jobs.reschedule', 'jobs.schedule', jobRescheduleSchema, input, async ({ supabase }, data) => {
    const job = await updateJob(supabase, data.jobId, {
      scheduled_start: data.scheduledStart,
      scheduled_end: data.scheduledEnd,
      reschedule_requested_at: null,
      reschedule_note: null,
      reschedule_preferred_times: null,
    })
    revalidatePath('/jobs')
    revalidatePath(`/customers/${job.customer_id}`)
    return ok(job)
  })
}
