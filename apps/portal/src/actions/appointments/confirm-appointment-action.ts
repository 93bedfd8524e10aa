'use server'

import { confirmJob } from '@repo/database/repositories'
import type { JobRow } from '@repo/database/types'
import { revalidatePath } from 'next/cache'
import { type ActionResult, fail, ok } from '@/lib/action-result'
import { createLogger } from '@/lib/logger'
import { requirePortalSession } from '@/lib/portal-session'
import { friendlyError } from '../error-message'
import { jobIdSchema } from './schema'

const log = createLogger('appointments')

export async function confirmAppointmentAction(jobId: string): Promise<ActionResult<JobRow>> {
  const parsed = jobIdSchema.safeParse(jobId)
  if (!parsed.success) return fail('Unknown appointment.')
  const { supabase } = await requirePortalSession()
  try {
    const job = await confirmJob(supabase, parsed.data)
    revalidatePath('/', 'layout')
    return ok(job)
  } catch (error) {
    log.warn('confirm failed', { jobId: parsed.data, error: String(error) })
    return fail(friendlyError(error, 'We could not confirm this appointment.'))
  }
}
