'use server'

import { ok } from '@repo/actions/result'
import { updateBookingRules } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { bookingRulesSchema } from './schema.ts'

/** Owners and admins set how customers book online (RLS allows the same two roles). */
export const updateBookingRulesAction = staffAction(
  {
    name: 'settings.booking_rules',
    schema: bookingRulesSchema,
    role: 'settings.manage',
    revalidate: ['/settings/scheduling'],
  },
  async ({ input, ctx: { supabase, organization } }) =>
    ok(
      await updateBookingRules(supabase, organization.id, {
        online_booking: input.onlineBooking,
        instant_booking: input.instantBooking,
        booking_lead_hours: input.leadHours,
        booking_horizon_days: input.horizonDays,
        booking_buffer_minutes: input.bufferMinutes,
        booking_slot_step_minutes: input.slotStepMinutes,
      }),
    ),
)
