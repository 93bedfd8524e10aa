'use server'

import { getJob, updateJob } from '@repo/database/repositories'
import type { JobRow, RowUpdate } from '@repo/database/types'
import { canMoveJob, jobStatusLabel as jobStatusLabels } from '@repo/domain/jobs'
import { canSetJobStatus, forbiddenMessage } from '@repo/domain/staff'
import { revalidatePath } from 'next/cache'
import type { z } from 'zod'
import { type ActionResult, fail, ok } from '@/lib/action-result.ts'
import { runStaffAction } from '@/lib/staff-action.ts'
import { jobStatusSchema } from './schema.ts'

export async function changeJobStatusAction(input: z.input<typeof jobStatusSchema>): Promise<ActionResult<JobRow>> {
  return runStaffAction('jobs.status', 'jobs.status', jobStatusSchema, input, async ({ supabase, staff }, data) => {
    const job = await getJob(supabase, data.jobId)
    if (!canSetJobStatus(staff, job, data.status)) return fail(forbiddenMessage)
    if (!canMoveJob(job.status, data.status)) {
      return fail(`A ${jobStatusLabels[job.status].toLowerCase()} job cannot become ${jobStatusLabels[data.status].toLowerCase()}.`, {
        status: ['Not allowed from the current status'],
      })
    }
    // The database stamps confirmed_at / completed_at / cancelled_at itself; sending them would
    // also be refused for a technician, who may change only the status of their own jobs.
    const patch: RowUpdate<'jobs'> = { status: data.status }
    if (data.status === 'cancelled') patch.cancellation_reason = data.reason
    const updated = await updateJob(supabase, job.id, patch)
    revalidatePath('/jobs')
    revalidatePath(`/customers/${job.customer_id}`)
    return ok(updated)
  })
}
