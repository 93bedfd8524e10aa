'use server'

import { requestReschedule } from '@repo/database/repositories'
import type { JobRow } from '@repo/database/types'
import { revalidatePath } from 'next/cache'
import { type ActionResult, fail, invalid, ok } from '@/lib/action-result'
import { createLogger } from '@/lib/logger'
import { requirePortalSession } from '@/lib/portal-session'
import { friendlyError } from '../error-message'
import { rescheduleSchema } from './schema'

const log = createLogger('appointments')

export async function requestRescheduleAction(input: {
  jobId: string
  preferredTimes: string[]
  note: string
}): Promise<ActionResult<JobRow>> {
  const parsed = rescheduleSchema.safeParse(input)
  if (!parsed.success) return invalid(parsed.error)
  const { supabase } = await requirePortalSession()
  try {
    const job = await requestReschedule(supabase, parsed.data.jobId, {
      preferredTimes: parsed.data.preferredTimes,
      note: parsed.data.note,
    })
    revalidatePath('/', 'layout')
    return ok(job)
  } catch (error) {
    log.warn('reschedule request failed', { jobId: parsed.data.jobId, error: String(error) })
    return fail(friendlyError(error, 'We could not send your request.'))
  }
}
