'use server'

import { cancelJob, getJob } from '@repo/database/repositories'
import type { JobRow } from '@repo/database/types'
import { checkCancellation } from '@repo/domain/jobs'
import { revalidatePath } from 'next/cache'
import { type ActionResult, fail, invalid, ok } from '@/lib/action-result'
import { createLogger } from '@/lib/logger'
import { requirePortalSession } from '@/lib/portal-session'
import { friendlyError } from '../error-message'
import { cancelSchema } from './schema'

const log = createLogger('appointments')

export async function cancelAppointmentAction(input: { jobId: string; reason: string }): Promise<ActionResult<JobRow>> {
  const parsed = cancelSchema.safeParse(input)
  if (!parsed.success) return invalid(parsed.error)
  const { supabase, organization } = await requirePortalSession()
  try {
    // Explain the policy before asking the database (which enforces it again).
    const current = await getJob(supabase, parsed.data.jobId)
    const policy = checkCancellation(current, organization.cancellation_notice_hours)
    if (!policy.allowed) return fail(policy.reason)
    const job = await cancelJob(supabase, parsed.data.jobId, parsed.data.reason)
    revalidatePath('/', 'layout')
    return ok(job)
  } catch (error) {
    log.warn('cancel failed', { jobId: parsed.data.jobId, error: String(error) })
    return fail(friendlyError(error, 'We could not cancel this appointment.'))
  }
}
