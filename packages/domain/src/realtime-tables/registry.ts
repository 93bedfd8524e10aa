// The one list of tables whose changes users see live. Everything that depends on "which tables
// are realtime" reads it: the portal's channel bindings and toasts, notification preferences, the
// CRM's change-feed labels, and the schema test that checks the publication and the feed trigger.
// Adding a table to realtime: its migration (publication and/or feed trigger), one entry here
// (plus its toast rule in customer-toasts.ts when customers are notified: the compiler asks for
// it), its repository.
// Data only: every staff page loads this through @repo/realtime, the toast wording stays out.
import type { Row, TableName } from '@repo/database/types'

export interface RealtimeTableSpec<T extends TableName> {
  /** In the `supabase_realtime` publication: subscribers receive its rows (checked by RLS). */
  published: boolean
  /**
   * Reported by the organization's change feed (`realtime_table_events`, read by staff; entries
   * about a `customerColumn` table's rows the customer may read are theirs too, for catch-up).
   */
  changeFeed: boolean
  /** Column that scopes a staff subscription to one organization. */
  organizationColumn?: keyof Row<T> & 'organization_id'
  /** Customer-facing: the portal's one channel binds it, filtered by this column. */
  customerColumn?: keyof Row<T> & 'customer_id'
  /** The customer's notification preference (stored key) that governs its toasts. */
  notification?: string
}

export const realtimeTables = {
  // Customer-facing first, in the order the portal binds them and lists their preferences.
  jobs: {
    published: true,
    changeFeed: true,
    organizationColumn: 'organization_id',
    customerColumn: 'customer_id',
    notification: 'job_updates',
  },
  invoices: {
    published: true,
    changeFeed: true,
    organizationColumn: 'organization_id',
    customerColumn: 'customer_id',
    notification: 'invoice_updates',
  },
  messages: {
    published: true,
    changeFeed: true,
    organizationColumn: 'organization_id',
    customerColumn: 'customer_id',
    notification: 'message_updates',
  },
  loyalty_transactions: {
    published: true,
    changeFeed: true,
    organizationColumn: 'organization_id',
    customerColumn: 'customer_id',
    notification: 'loyalty_updates',
  },
  quotes: {
    published: true,
    changeFeed: true,
    organizationColumn: 'organization_id',
    customerColumn: 'customer_id',
    notification: 'quote_updates',
  },
  // Payments tell of money received on an invoice or a deposit: the invoices preference governs.
  payments: {
    published: true,
    changeFeed: true,
    organizationColumn: 'organization_id',
    customerColumn: 'customer_id',
    notification: 'invoice_updates',
  },
  // Credits from redeemed rewards, and where they were applied (no toast of their own).
  customer_credits: {
    published: true,
    changeFeed: true,
    organizationColumn: 'organization_id',
    customerColumn: 'customer_id',
  },
  // Service addresses: the portal refreshes when the office confirms or edits one (no toast).
  properties: {
    published: true,
    changeFeed: true,
    organizationColumn: 'organization_id',
    customerColumn: 'customer_id',
  },
  // Job photos and quote and invoice documents: a photo the technician adds appears on the
  // customer's open appointment page (the job updates preference governs its toast).
  attachments: {
    published: true,
    changeFeed: true,
    organizationColumn: 'organization_id',
    customerColumn: 'customer_id',
    notification: 'job_updates',
  },
  // Staff views: whole rows per organization or per record.
  customers: {
    published: true,
    changeFeed: true,
    organizationColumn: 'organization_id',
  },
  // The change feed itself: staff lists invalidate on its events.
  realtime_table_events: {
    published: true,
    changeFeed: false,
    organizationColumn: 'organization_id',
  },
  // Each staff member's own notices (RLS: only theirs), live in the CRM bell.
  staff_notifications: {
    published: true,
    changeFeed: false,
    organizationColumn: 'organization_id',
  },
  // Followed through the change feed only. Internal notes in particular are never published:
  // customers must never receive them.
  customer_notes: { published: false, changeFeed: true },
  invoice_line_items: { published: false, changeFeed: true },
  organizations: { published: false, changeFeed: true },
  staff_members: { published: false, changeFeed: true },
  services: { published: false, changeFeed: true },
  loyalty_rewards: { published: false, changeFeed: true },
  tax_rates: { published: false, changeFeed: true },
  quote_line_items: { published: false, changeFeed: true },
  // Availability: open calendars re-check working hours and time off.
  working_hours: { published: false, changeFeed: true },
  time_off: { published: false, changeFeed: true },
  // A visit as the office watches it: ticks, notes and extra lines from the technician's phone.
  job_checklist_ticks: { published: false, changeFeed: true },
  job_notes: { published: false, changeFeed: true },
  job_line_items: { published: false, changeFeed: true },
} as const satisfies { [T in TableName]?: RealtimeTableSpec<T> }

type Registry = typeof realtimeTables

/** Every table users see change live (directly or through the change feed). */
export type RealtimeTable = keyof Registry

type TablesWith<Key extends string, Value = unknown> = {
  [T in RealtimeTable]: Registry[T] extends Record<Key, Value> ? T : never
}[RealtimeTable]

/** Tables in the `supabase_realtime` publication. */
export type PublishedTable = TablesWith<'published', true>
/** Tables the organization's change feed reports. */
export type ChangeFeedTable = TablesWith<'changeFeed', true>
/** Published tables a staff member can follow for a whole organization. */
export type OrganizationTable = TablesWith<'organizationColumn'> & PublishedTable
/** Tables of the portal's one channel, each filtered to the signed-in customer. */
export type CustomerTable = TablesWith<'customerColumn'>
/** Tables whose changes the customer may be told about (each has a toast rule). */
export type NotifyingTable = TablesWith<'notification'>
/** A customer's notification preference key, e.g. `job_updates`. */
export type NotificationKind = Registry[NotifyingTable]['notification']

/** What every entry has, whatever its table (each entry's columns are checked above, per table). */
export interface RealtimeTableEntry {
  published: boolean
  changeFeed: boolean
  organizationColumn?: string
  customerColumn?: string
  notification?: NotificationKind
}

/** An entry seen through the common shape (the literal types above are for deriving unions). */
export function realtimeTableSpec(table: RealtimeTable): RealtimeTableEntry {
  return realtimeTables[table]
}

const tableNames = /*#__PURE__*/ Object.keys(realtimeTables) as RealtimeTable[]

export const publishedTables = /*#__PURE__*/ tableNames.filter(
  (t): t is PublishedTable => realtimeTableSpec(t).published,
)

export const changeFeedTables = /*#__PURE__*/ tableNames.filter(
  (t): t is ChangeFeedTable => realtimeTableSpec(t).changeFeed,
)

export const customerTables = /*#__PURE__*/ tableNames.filter(
  (t): t is CustomerTable => realtimeTableSpec(t).customerColumn !== undefined,
)

export const notifyingTables = /*#__PURE__*/ tableNames.filter(
  (t): t is NotifyingTable => realtimeTableSpec(t).notification !== undefined,
)

/** Whether customers are told about the table's changes (it has a toast rule). */
export function isNotifyingTable(table: RealtimeTable): table is NotifyingTable {
  return realtimeTableSpec(table).notification !== undefined
}
