// Staff notifications (written by the database when a customer acts in the portal): where each
// one leads and how the bell counts them. The wording itself comes from the database row.
import type { StaffNotificationKind, StaffNotificationRow } from '@repo/database/types'

type Target = Pick<StaffNotificationRow, 'record_table' | 'customer_id' | 'record_id'> &
  Partial<Pick<StaffNotificationRow, 'kind'>>

/** The page that shows what the notice is about. */
export function staffNotificationHref(notice: Target): string {
  switch (notice.record_table) {
    case 'messages':
      return `/messages/${notice.customer_id}`
    case 'jobs':
      // Bookings and moves open on the calendar, at the job's day.
      return notice.kind === 'booking_requested' || notice.kind === 'job_rescheduled'
        ? `/jobs?job=${notice.record_id}`
        : `/customers/${notice.customer_id}?tab=jobs`
    case 'properties':
      return `/customers/${notice.customer_id}?tab=properties`
    case 'loyalty_transactions':
      return `/customers/${notice.customer_id}?tab=loyalty`
    case 'quotes':
      return `/quotes/${notice.record_id}`
    case 'invoices':
      return `/invoices/${notice.record_id}`
    case 'reviews':
      return `/customers/${notice.customer_id}?tab=jobs`
    default:
      return `/customers/${notice.customer_id}`
  }
}

/** Short labels for each kind, e.g. for a filter or an icon's accessible name. */
export const staffNotificationKindLabel: Record<StaffNotificationKind, string> = {
  job_cancelled: 'Cancellation',
  reschedule_requested: 'Reschedule request',
  job_confirmed: 'Confirmation',
  points_redeemed: 'Points redeemed',
  profile_updated: 'Contact details',
  message_received: 'Message',
  quote_approved: 'Quote approved',
  quote_declined: 'Quote declined',
  payment_received: 'Payment',
  property_added: 'New property',
  booking_requested: 'Booking request',
  job_rescheduled: 'Appointment moved',
  low_rating: 'Low rating',
}

/** The bell's badge: the count, capped so it fits. */
export function unreadBadgeText(unread: number): string | null {
  if (unread <= 0) return null
  return unread > 99 ? '99+' : String(unread)
}
