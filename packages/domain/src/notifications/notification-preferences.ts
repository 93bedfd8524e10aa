// Which live changes raise a toast for a customer; stored in customers.notification_preferences.
// Key names match the stored JSON the CRM and seed use (other keys such as email/sms are kept).
import {
  type NotificationKind,
  notifyingTables,
  realtimeTables,
} from '../realtime-tables/registry.ts'

export type { NotificationKind }
export type NotificationPreferences = Record<NotificationKind, boolean>

/** The notifying realtime tables' kinds, in the registry's order (tables may share one). */
export const notificationKinds: readonly NotificationKind[] = /*#__PURE__*/ [
  ...new Set(notifyingTables.map((table) => realtimeTables[table].notification)),
]

/** Everything on until the customer says otherwise. */
export const defaultPreferences = /*#__PURE__*/ Object.fromEntries(
  notificationKinds.map((kind) => [kind, true]),
) as NotificationPreferences

/** The profile page's wording for each kind. */
export const notificationKindLabel: Record<NotificationKind, { title: string; help: string }> = {
  job_updates: {
    title: 'Appointments',
    help: 'Scheduled, rescheduled, technician on the way, completed.',
  },
  invoice_updates: { title: 'Invoices', help: 'New invoices and payments received.' },
  message_updates: { title: 'Messages', help: 'New messages from the team.' },
  loyalty_updates: { title: 'Reward points', help: 'Points earned and redeemed.' },
  quote_updates: { title: 'Quotes', help: 'New quotes and changes to the ones you have.' },
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Reads whatever is stored: defaults for missing keys, and all defaults when a known key holds
 * something other than true/false (a malformed value is not half-trusted).
 */
export function parsePreferences(value: unknown): NotificationPreferences {
  const out = { ...defaultPreferences }
  if (!isRecord(value)) return out
  for (const kind of notificationKinds) {
    const stored = value[kind]
    if (stored === undefined) continue
    if (typeof stored !== 'boolean') return { ...defaultPreferences }
    out[kind] = stored
  }
  return out
}
