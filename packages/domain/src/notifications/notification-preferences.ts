// Which live changes raise a toast for a customer; stored in customers.notification_preferences.
// Key names match the stored JSON the CRM and seed use (other keys such as email/sms are kept).
import {
  type NotificationKind,
  type NotifyingTable,
  notifyingTables,
  realtimeTables,
} from '../realtime-tables/registry.ts'

export type { NotificationKind }
export type NotificationPreferences = Record<NotificationKind, boolean>

/** One kind per notifying realtime table, in the registry's order. */
export const notificationKinds: readonly NotificationKind[] = notifyingTables.map(
  (table) => realtimeTables[table].notification.kind,
)

/** Everything on until the customer says otherwise. */
export const defaultPreferences = Object.fromEntries(
  notificationKinds.map((kind) => [kind, true]),
) as NotificationPreferences

/** The profile page's wording for each kind. */
export const notificationKindLabel = Object.fromEntries(
  notifyingTables.map((table: NotifyingTable) => {
    const { kind, title, help } = realtimeTables[table].notification
    return [kind, { title, help }]
  }),
) as Record<NotificationKind, { title: string; help: string }>

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
