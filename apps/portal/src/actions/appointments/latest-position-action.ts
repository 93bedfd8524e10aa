'use server'

import { ok } from '@repo/actions/result'
import { getJobPosition } from '@repo/database/repositories'
import { z } from 'zod'
import { customerAction } from '@/lib/customer-action'
import { toPositionMessage } from '@/lib/position-message'
import { jobIdSchema } from './schema'

/**
 * The technician's last known position on the way to the customer's job (RLS: only its readers),
 * read when the arrival banner joins the live channel: a position broadcast before it joined is
 * not heard again until the technician moves.
 */
export const latestPositionAction = customerAction(
  {
    name: 'appointments.latest_position',
    schema: z.object({ jobId: jobIdSchema }),
    errors: { fallback: 'We could not read where your technician is.' },
  },
  async ({ input, ctx: { supabase } }) => {
    return ok(toPositionMessage(await getJobPosition(supabase, input.jobId)))
  },
)
