// The business's online booking rules, with the limits the database checks on organizations.

export const slotStepOptions = [15, 20, 30, 60] as const
export type SlotStep = (typeof slotStepOptions)[number]

export const bookingRuleLimits = {
  leadHours: { min: 0, max: 720 },
  horizonDays: { min: 1, max: 365 },
  bufferMinutes: { min: 0, max: 480 },
} as const

export function isSlotStep(value: unknown): value is SlotStep {
  return slotStepOptions.includes(value as SlotStep)
}

/** One sentence for the settings page: what a customer booking online gets. */
export function describeBookingRules(rules: {
  online_booking: boolean
  instant_booking: boolean
  booking_lead_hours: number
  booking_horizon_days: number
}): string {
  if (!rules.online_booking) return 'Customers cannot book online; they call or message to book.'
  const window = `from ${rules.booking_lead_hours} hour${rules.booking_lead_hours === 1 ? '' : 's'} ahead up to ${rules.booking_horizon_days} day${rules.booking_horizon_days === 1 ? '' : 's'} ahead`
  return rules.instant_booking
    ? `Customers book free times ${window}; bookings are scheduled at once.`
    : `Customers request free times ${window}; the office accepts each request.`
}
