'use server'

import { ok } from '@repo/actions/result'
import { requestReschedule } from '@repo/database/repositories'
import { customerAction, everywhere } from '@/lib/customer-action'
import { rescheduleSchema } from './schema'

export const requestRescheduleAction = customerAction(
  {
    name: 'appointments.reschedule',
    schema: rescheduleSchema,
    errors: { fallback: 'We could not send your request.' },
    revalidate: everywhere,
  },
  async ({ input, ctx: { supabase } }) =>
    ok(await requestReschedule(supabase, input.jobId, { preferredTimes: input.preferredTimes, note: input.note })),
)
