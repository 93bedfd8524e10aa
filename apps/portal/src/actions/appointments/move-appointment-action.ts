'use server'

import { ok } from '@repo/actions/result'
import { rescheduleAppointment } from '@repo/database/repositories'
import { slotErrors } from '@/actions/booking/slot-errors'
import { refuseTakenSlot } from '@/actions/booking/slot-taken'
import { customerAction, everywhere } from '@/lib/customer-action'
import { moveSchema } from './schema'

/**
 * Moves the customer's appointment to a free time. The database applies the business's policy
 * (online rescheduling allowed, the notice period) and refuses a time taken meanwhile.
 */
export const moveAppointmentAction = customerAction(
  {
    name: 'appointments.move',
    schema: moveSchema,
    errors: {
      ...slotErrors,
      fallback: 'We could not move this appointment. Nothing was changed; please try again.',
    },
    revalidate: everywhere,
  },
  async ({ input, ctx: { supabase } }) => {
    const moved = await refuseTakenSlot(() =>
      rescheduleAppointment(supabase, input.jobId, input.startsAt),
    )
    return moved.taken ? moved.failure : ok(moved.value)
  },
)
