'use server'

import { fail, ok } from '@repo/actions/result'
import { getJob, updateJob } from '@repo/database/repositories'
import type { RowUpdate } from '@repo/database/types'
import { canMoveJob, jobStatusLabel as jobStatusLabels } from '@repo/domain/jobs'
import { canSetJobStatus, forbiddenMessage } from '@repo/domain/staff'
import { staffAction } from '@/lib/staff-action.ts'
import { jobStatusSchema } from './schema.ts'

export const changeJobStatusAction = staffAction(
  {
    name: 'jobs.status',
    schema: jobStatusSchema,
    role: 'jobs.status',
  },
  async ({ input, ctx: { supabase, staff }, revalidate }) => {
    const job = await getJob(supabase, input.jobId)
    if (!canSetJobStatus(staff, job, input.status)) return fail(forbiddenMessage)
    if (!canMoveJob(job.status, input.status)) {
      return fail(
        `A ${jobStatusLabels[job.status].toLowerCase()} job cannot become ${jobStatusLabels[input.status].toLowerCase()}.`,
        { status: ['Not allowed from the current status'] },
      )
    }
    // The database stamps confirmed_at / completed_at / cancelled_at itself; sending them would
    // also be refused for a technician, who may change only the status of their own jobs.
    const patch: RowUpdate<'jobs'> = { status: input.status }
    if (input.status === 'cancelled') patch.cancellation_reason = input.reason
    const updated = await updateJob(supabase, job.id, patch)
    revalidate('/jobs', `/customers/${job.customer_id}`, '/my-day', `/my-day/${job.id}`)
    return ok(updated)
  },
)
