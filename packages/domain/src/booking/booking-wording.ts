// What a customer reads while booking or moving an appointment online.
import type { JobStatus } from '../jobs/job-status.ts'

/** The database's answer when a time was taken meanwhile (error 23P01), in the portal's words. */
export const SLOT_TAKEN_MESSAGE = 'Sorry, that time was just taken. Here are the next free times.'

/** The business's booking rules a page needs (its organization row has them). */
export interface BookingRules {
  online_booking: boolean
  instant_booking: boolean
  booking_horizon_days: number
}

/** The booking button: instant booking books at once, otherwise the office accepts the request. */
export function bookButtonLabel(rules: Pick<BookingRules, 'instant_booking'>): string {
  return rules.instant_booking ? 'Book' : 'Request booking'
}

/** What the customer is told once a booking is saved, from the job's status. */
export function bookedNotice(status: JobStatus): { title: string; description: string } {
  return status === 'requested'
    ? {
        title: 'Requested — we’ll confirm shortly',
        description: 'We will let you know as soon as the team accepts it.',
      }
    : { title: 'Booked', description: 'Your appointment is on our calendar.' }
}

/** What the customer is told once an appointment has moved to a new time. */
export function movedNotice(status: JobStatus, when: string): string {
  return status === 'requested' ? `Moved to ${when} — we’ll confirm shortly.` : `Moved to ${when}.`
}

/**
 * Why the customer cannot book online right now (null when they can): the business turned it off,
 * or none of its services is bookable online.
 */
export function bookingUnavailableReason(
  rules: Pick<BookingRules, 'online_booking'>,
  bookableServices: number,
  businessName: string,
): string | null {
  if (!rules.online_booking) return `${businessName} does not take bookings online at the moment.`
  if (bookableServices === 0) return `${businessName} has no services to book online at the moment.`
  return null
}

/** A service's length: `45 min`, `2 hr`, `1 hr 30 min`. */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return `${rest} min`
  return rest === 0 ? `${hours} hr` : `${hours} hr ${rest} min`
}
