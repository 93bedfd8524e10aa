'use server'

import { fail, ok } from '@repo/actions/result'
import {
  applyFieldJobStatus,
  type FieldStatusOutcome,
  getFieldJob,
  getJobSignature,
  listChecklistTicks,
  listJobChangesByOthers,
  RepositoryError,
  saveJobSignature,
} from '@repo/database/repositories'
import { workSummary } from '@repo/domain/field-work'
import { canMoveJob, jobStatusLabel } from '@repo/domain/jobs'
import { canSetJobStatus, forbiddenMessage } from '@repo/domain/staff'
import { staffAction } from '@/lib/staff-action.ts'
import { queuedCompletionSchema, queuedStatusSchema } from './queued-schema.ts'

/**
 * A status step queued on a phone (On my way, Start, Complete): applied once per key, and not at
 * all when someone else changed the job since the phone saw it (the answer says what changed).
 */
export const sendQueuedStatusAction = staffAction(
  { name: 'field-work.queued-status', schema: queuedStatusSchema, role: 'jobs.status' },
  async ({ input, ctx: { supabase, staff }, revalidate }) => {
    const job = await getFieldJob(supabase, input.jobId)
    if (!canSetJobStatus(staff, job, input.status)) return fail(forbiddenMessage)
    if (
      input.expected.status !== input.status &&
      !canMoveJob(input.expected.status, input.status)
    ) {
      return fail(
        `A ${jobStatusLabel[input.expected.status].toLowerCase()} job cannot become ${jobStatusLabel[input.status].toLowerCase()}.`,
      )
    }
    const outcome = await applyFieldJobStatus(supabase, input)
    if (outcome.outcome !== 'conflict') {
      revalidate('/jobs', `/customers/${job.customer_id}`, '/my-day', `/my-day/${job.id}`)
    }
    return ok(outcome)
  },
)

/**
 * Completing a visit, queued on a phone, with the customer's signature when they gave one. The
 * conflict check comes first, so a signature is never stored for a visit the office changed
 * meanwhile; a signature already stored (a replay) is kept as it is.
 */
export const sendQueuedCompletionAction = staffAction(
  { name: 'field-work.queued-complete', schema: queuedCompletionSchema, role: 'jobs.status' },
  async ({ input, ctx: { supabase, staff }, revalidate }) => {
    const job = await getFieldJob(supabase, input.jobId)
    if (!canSetJobStatus(staff, job, 'completed')) return fail(forbiddenMessage)
    if (job.status !== 'completed') {
      const changes = await listJobChangesByOthers(supabase, job.id, input.expected.updatedAt)
      if (job.status !== input.expected.status || changes.length > 0) {
        const conflict: FieldStatusOutcome = {
          outcome: 'conflict',
          status: job.status,
          updatedAt: job.updated_at,
          changes,
        }
        return ok(conflict)
      }
      if (!canMoveJob(job.status, 'completed')) {
        return fail(`A ${jobStatusLabel[job.status].toLowerCase()} job cannot be completed.`)
      }
    }
    if (input.signaturePng && input.signerName && !(await getJobSignature(supabase, job.id))) {
      if (job.status !== 'in_progress') {
        return fail('The visit was completed meanwhile; the signature could not be added.')
      }
      const ticks = await listChecklistTicks(supabase, job.id)
      try {
        await saveJobSignature(supabase, {
          organizationId: job.organization_id,
          jobId: job.id,
          signerName: input.signerName,
          signaturePng: input.signaturePng,
          summary: workSummary(
            job,
            ticks.map((t) => t.item),
          ),
        })
      } catch (error) {
        // One signature per visit: a replay whose first try stored it finds it there.
        if (!(error instanceof RepositoryError && error.code === '23505')) throw error
      }
    }
    const outcome = await applyFieldJobStatus(supabase, {
      key: input.key,
      jobId: job.id,
      expected: input.expected,
      status: 'completed',
    })
    if (outcome.outcome !== 'conflict') {
      revalidate('/jobs', '/my-day', `/my-day/${job.id}`, `/customers/${job.customer_id}`)
    }
    return ok(outcome)
  },
)
