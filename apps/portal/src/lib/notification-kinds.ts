// No zod here: client components import these, and zod would add ~30 kB to every page.
/** Which kinds of change raise a toast; stored in customers.notification_preferences. */
// Key names match the stored JSON the CRM and seed use (other keys such as email/sms are kept).
export const notificationKinds = ['job_updates', 'invoice_updates', 'message_updates', 'loyalty_updates'] as const
export type NotificationKind = (typeof notificationKinds)[number]
export type NotificationPreferences = Record<NotificationKind, boolean>

export const defaultPreferences: NotificationPreferences = {
  job_updates: true,
  invoice_updates: true,
  message_updates: true,
  loyalty_updates: true,
}

/** Which preference governs a table's toasts. */
export const tableKind: Record<string, NotificationKind> = {
  jobs: 'job_updates',
  invoices: 'invoice_updates',
  messages: 'message_updates',
  loyalty_transactions: 'loyalty_updates',
}
