// The one list of tables whose changes users see live. Everything that depends on "which tables
// are realtime" reads it: the portal's channel bindings and toasts, notification preferences, the
// CRM's change-feed labels, and the schema test that checks the publication and the feed trigger.
// Adding a table to realtime: its migration (publication and/or feed trigger), one entry here, its
// repository.
import type { ChangeEvent, Row, TableName } from '@repo/database/types'
import type { TimeZone } from '../dates/zone.ts'
import { describeInvoiceChange } from '../invoices/invoice-notices.ts'
import { describeJobChange } from '../jobs/job-notices.ts'
import { describeLoyaltyChange } from '../loyalty/loyalty-notices.ts'
import { describeMessageChange, isNewsTo } from '../messages/message-notices.ts'
import type { ChangeNotice } from '../notice.ts'

export interface RealtimeTableSpec<T extends TableName> {
  /** In the `supabase_realtime` publication: subscribers receive its rows (checked by RLS). */
  published: boolean
  /** Reported by the organization's change feed (`realtime_table_events`, staff only). */
  changeFeed: boolean
  /** Column that scopes a staff subscription to one organization. */
  organizationColumn?: keyof Row<T> & 'organization_id'
  /** Customer-facing: the portal's one channel binds it, filtered by this column. */
  customerColumn?: keyof Row<T> & 'customer_id'
  /** Staff wording for the change history ("Job updated"). */
  activityLabel?: string
  /** The customer's preference that governs its toasts, and how the profile page explains it. */
  notification?: { kind: string; title: string; help: string }
  /** What the customer is told about a change (null for noise). */
  describe?: (
    event: ChangeEvent,
    row: Row<T> | null,
    old: Partial<Row<T>> | null,
    timeZone: TimeZone,
  ) => ChangeNotice | null
  /** Whether a row is news to the customer at all (their own writes are not). */
  newsToCustomer?: (row: Row<T>) => boolean
}

export const realtimeTables = {
  // Customer-facing first, in the order the portal binds them and lists their preferences.
  jobs: {
    published: true,
    changeFeed: true,
    organizationColumn: 'organization_id',
    customerColumn: 'customer_id',
    activityLabel: 'Job',
    notification: {
      kind: 'job_updates',
      title: 'Appointments',
      help: 'Scheduled, rescheduled, technician on the way, completed.',
    },
    describe: describeJobChange,
  },
  invoices: {
    published: true,
    changeFeed: true,
    organizationColumn: 'organization_id',
    customerColumn: 'customer_id',
    activityLabel: 'Invoice',
    notification: {
      kind: 'invoice_updates',
      title: 'Invoices',
      help: 'New invoices and payments received.',
    },
    describe: describeInvoiceChange,
  },
  messages: {
    published: true,
    changeFeed: true,
    organizationColumn: 'organization_id',
    customerColumn: 'customer_id',
    activityLabel: 'Message',
    notification: {
      kind: 'message_updates',
      title: 'Messages',
      help: 'New messages from the team.',
    },
    describe: describeMessageChange,
    newsToCustomer: (row) => isNewsTo('customer', row),
  },
  loyalty_transactions: {
    published: true,
    changeFeed: true,
    organizationColumn: 'organization_id',
    customerColumn: 'customer_id',
    activityLabel: 'Loyalty points',
    notification: {
      kind: 'loyalty_updates',
      title: 'Reward points',
      help: 'Points earned and redeemed.',
    },
    describe: describeLoyaltyChange,
  },
  // Staff views: whole rows per organization or per record.
  customers: {
    published: true,
    changeFeed: true,
    organizationColumn: 'organization_id',
    activityLabel: 'Customer record',
  },
  // The change feed itself: staff lists invalidate on its events.
  realtime_table_events: {
    published: true,
    changeFeed: false,
    organizationColumn: 'organization_id',
  },
  // Followed through the change feed only. Internal notes in particular are never published:
  // customers must never receive them.
  customer_notes: { published: false, changeFeed: true, activityLabel: 'Note' },
  invoice_line_items: { published: false, changeFeed: true, activityLabel: 'Invoice line' },
  organizations: { published: false, changeFeed: true },
  staff_members: { published: false, changeFeed: true },
  services: { published: false, changeFeed: true },
  loyalty_rewards: { published: false, changeFeed: true },
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

/** Tables whose changes the customer may be told about. */
export type NotifyingTable = TablesWith<'notification'>
/** A customer's notification preference key, e.g. `job_updates`. */
export type NotificationKind = Registry[NotifyingTable]['notification']['kind']

const tableNames = Object.keys(realtimeTables) as RealtimeTable[]

/** What every entry has, whatever its table (each entry's rows are checked above, per table). */
export interface RealtimeTableEntry {
  published: boolean
  changeFeed: boolean
  organizationColumn?: string
  customerColumn?: string
  activityLabel?: string
  notification?: { kind: string; title: string; help: string }
  describe?(event: ChangeEvent, row: unknown, old: unknown, timeZone: TimeZone): ChangeNotice | null
  newsToCustomer?(row: unknown): boolean
}

/** An entry seen through the common shape (the literal types above are for deriving unions). */
export function realtimeTableSpec(table: RealtimeTable): RealtimeTableEntry {
  return realtimeTables[table]
}

export const publishedTables = tableNames.filter(
  (t): t is PublishedTable => realtimeTableSpec(t).published,
)

export const changeFeedTables = tableNames.filter(
  (t): t is ChangeFeedTable => realtimeTableSpec(t).changeFeed,
)

export const customerTables = tableNames.filter(
  (t): t is CustomerTable => realtimeTableSpec(t).customerColumn !== undefined,
)

export const notifyingTables = tableNames.filter(
  (t): t is NotifyingTable => realtimeTableSpec(t).notification !== undefined,
)

/** Staff wording for what a change did ("Job updated"). */
export const changeEventVerb: Record<ChangeEvent, string> = {
  INSERT: 'created',
  UPDATE: 'updated',
  DELETE: 'deleted',
}

/** Staff wording for a change-feed event's table; the table name itself when it has none. */
export function activityLabel(table: string): string {
  const entry: RealtimeTableEntry | undefined = realtimeTables[table as RealtimeTable]
  return entry?.activityLabel ?? table
}
