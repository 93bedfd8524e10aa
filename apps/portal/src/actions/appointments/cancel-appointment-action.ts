'use server'

import { fail, ok } from '@repo/actions/result'
import { cancelJob, getJob } from '@repo/database/repositories'
import { checkCancellation } from '@repo/domain/jobs'
import { customerAction, everywhere } from '@/lib/customer-action'
import { cancelSchema } from './schema'

export const cancelAppointmentAction = customerAction(
  {
    name: 'appointments.cancel',
    schema: cancelSchema,
    errors: { fallback: 'We could not cancel this appointment.' },
    revalidate: everywhere,
  },
  async ({ input, ctx: { supabase, organization } }) => {
    // Explain the policy before asking the database (which enforces it again).
    const current = await getJob(supabase, input.jobId)
    const policy = checkCancellation(current, organization)
    if (!policy.allowed) return fail(policy.reason)
    return ok(await cancelJob(supabase, input.jobId, input.reason))
  },
)
