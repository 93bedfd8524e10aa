'use server'

import { ok } from '@repo/actions/result'
import { confirmJob } from '@repo/database/repositories'
import { customerAction, everywhere } from '@/lib/customer-action'
import { jobIdSchema } from './schema'

export const confirmAppointmentAction = customerAction(
  {
    name: 'appointments.confirm',
    schema: jobIdSchema,
    errors: { fallback: 'We could not confirm this appointment.' },
    revalidate: everywhere,
  },
  async ({ input, ctx: { supabase } }) => ok(await confirmJob(supabase, input)),
)
