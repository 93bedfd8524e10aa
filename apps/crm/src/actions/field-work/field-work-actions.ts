'use server'

import { fail, ok } from '@repo/actions/result'
import {
  getFieldJob,
  saveJobPosition,
  setChecklistItem,
  setServiceChecklist,
} from '@repo/database/repositories'
import { canChangeJobStatus, forbiddenMessage } from '@repo/domain/staff'
import { staffAction } from '@/lib/staff-action.ts'
import { checklistTickSchema, jobPositionSchema, serviceChecklistSchema } from './schema.ts'

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
