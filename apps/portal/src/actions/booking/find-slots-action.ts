'use server'

import { ok } from '@repo/actions/result'
import { listOpenSlots } from '@repo/database/repositories'
import { SLOT_PAGE_DAYS } from '@repo/domain/booking'
import { startOfZonedDay } from '@repo/domain/dates'
import { customerAction } from '@/lib/customer-action'
import { findSlotsSchema } from './schema'
import { slotErrors } from './slot-errors'

/** A page of free times (two weeks from a day of the business's calendar); changes nothing. */
export const findSlotsAction = customerAction(
  {
    name: 'booking.slots',
    schema: findSlotsSchema,
    errors: { ...slotErrors, fallback: 'We could not load the free times.' },
  },
  async ({ input, ctx: { supabase, organization } }) => {
    const slots = await listOpenSlots(supabase, {
      serviceId: input.serviceId,
      from: startOfZonedDay(input.from, organization.timezone).toISOString(),
      days: SLOT_PAGE_DAYS,
      ...(input.jobId ? { jobId: input.jobId } : {}),
    })
    return ok(slots.map(({ starts_at, ends_at }) => ({ starts_at, ends_at })))
  },
)
