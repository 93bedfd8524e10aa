'use server'

import { ok } from '@repo/actions/result'
import { bookAppointment } from '@repo/database/repositories'
import { customerAction, everywhere } from '@/lib/customer-action'
import { bookSchema } from './schema'
import { slotErrors } from './slot-errors'
import { refuseTakenSlot } from './slot-taken'

/**
 * Books a free time. The database decides: a time taken meanwhile is refused on `startsAt` (the
 * form then shows fresh times), and the same booking sent twice returns the first job.
 */
export const bookAppointmentAction = customerAction(
  {
    name: 'booking.book',
    schema: bookSchema,
    errors: {
      ...slotErrors,
      fallback: 'We could not book this time. Nothing was saved; please try again.',
    },
    revalidate: everywhere,
  },
  async ({ input, ctx: { supabase } }) => {
    const booked = await refuseTakenSlot(() =>
      bookAppointment(supabase, {
        serviceId: input.serviceId,
        startsAt: input.startsAt,
        propertyId: input.propertyId,
        notes: input.notes || null,
      }),
    )
    return booked.taken ? booked.failure : ok(booked.value)
  },
)
