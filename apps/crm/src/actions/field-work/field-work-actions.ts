'use server'

import { fail, ok } from '@repo/actions/result'
import {
  getFieldJob,
  listChecklistTicks,
  saveJobPosition,
  saveJobSignature,
  setChecklistItem,
  setServiceChecklist,
  updateJob,
} from '@repo/database/repositories'
import { workSummary } from '@repo/domain/field-work'
import { canMoveJob } from '@repo/domain/jobs'
import { canChangeJobStatus, forbiddenMessage } from '@repo/domain/staff'
import { staffAction } from '@/lib/staff-action.ts'
import {
  checklistTickSchema,
  completeVisitSchema,
  jobPositionSchema,
  serviceChecklistSchema,
} from './schema.ts'

/** Ticks or unticks an item of the job's checklist (its technician, or the office). */
export const setChecklistItemAction = staffAction(
  { name: 'field-work.checklist', schema: checklistTickSchema, role: 'jobs.status' },
  async ({ input, ctx: { supabase, staff }, revalidate }) => {
    const job = await getFieldJob(supabase, input.jobId)
    if (!canChangeJobStatus(staff, job)) return fail(forbiddenMessage)
    if (input.done && !(job.service?.checklist ?? []).includes(input.item)) {
      return fail('That item is not on this service’s checklist.', {
        item: ['Not on the checklist'],
      })
    }
    await setChecklistItem(supabase, {
      organizationId: job.organization_id,
      jobId: job.id,
      item: input.item,
      done: input.done,
    })
    revalidate(`/my-day/${job.id}`)
    return ok({ item: input.item, done: input.done })
  },
)

/** Keeps the last known position of a technician on the way (RLS: their job, while en route). */
export const shareJobPositionAction = staffAction(
  { name: 'field-work.position', schema: jobPositionSchema, role: 'jobs.status' },
  async ({ input, ctx: { supabase, organization } }) => {
    await saveJobPosition(supabase, {
      organizationId: organization.id,
      jobId: input.jobId,
      latitude: input.latitude,
      longitude: input.longitude,
      accuracyM: input.accuracy,
      recordedAt: input.recordedAt,
    })
    return ok(null)
  },
)

/** Replaces a service's checklist template (owners and admins). */
export const setServiceChecklistAction = staffAction(
  { name: 'services.checklist', schema: serviceChecklistSchema, role: 'settings.manage' },
  async ({ input, ctx: { supabase }, revalidate }) => {
    const service = await setServiceChecklist(supabase, input.serviceId, input.items)
    revalidate('/settings')
    return ok(service)
  },
)

/**
 * Completes a visit in progress; with a signature, first records it with the work summary the
 * customer saw (built here from the same rows the screen shows), so a completed visit's signature
 * always names what was done.
 */
export const completeVisitAction = staffAction(
  { name: 'field-work.complete', schema: completeVisitSchema, role: 'jobs.status' },
  async ({ input, ctx: { supabase, staff }, revalidate }) => {
    const job = await getFieldJob(supabase, input.jobId)
    if (!canChangeJobStatus(staff, job)) return fail(forbiddenMessage)
    if (job.status !== 'in_progress' || !canMoveJob(job.status, 'completed')) {
      return fail('Only a visit in progress can be completed here.')
    }
    if (input.signaturePng && input.signerName) {
      const ticks = await listChecklistTicks(supabase, job.id)
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
    }
    const updated = await updateJob(supabase, job.id, { status: 'completed' })
    revalidate('/jobs', '/my-day', `/my-day/${job.id}`, `/customers/${job.customer_id}`)
    return ok(updated)
  },
)
