import type {
  ChangeEvent,
  ChangeFeedRow,
  TableName as DbTableName,
  Row,
} from '@repo/database/types'
import {
  type ChangeFeedTable,
  type CustomerTable,
  customerTables,
  type OrganizationTable,
  type PublishedTable,
  realtimeTables,
} from '@repo/domain/realtime-tables'
import { createFeedCatchUp, type FeedCatchUp } from './catch-up.ts'
import {
  dispatchChange,
  type PostgresBinding,
  type RawChangePayload,
  subscribeToChannel,
  toChange,
} from './channel-subscription.ts'
import { assertUuid } from './uuid.ts'
import type {
  CatchUpLifecycle,
  Client,
  InvoiceRow,
  JobRow,
  LoyaltyTransactionRow,
  MessageRow,
  RealtimeChange,
  SubscriptionLifecycle,
  TableChangeHandlers,
  TableName,
  Unsubscribe,
} from './types.ts'

export type JobUpdateHandlers = TableChangeHandlers<JobRow> & SubscriptionLifecycle
export type InvoiceUpdateHandlers = TableChangeHandlers<InvoiceRow> & SubscriptionLifecycle

/** The message callbacks `subscribeToMessageUpdates` and `subscribeToAll` share. */
export interface MessageEventCallbacks {
  onNewMessage?: (message: MessageRow) => void
  /** A message was marked read (fires once per message). */
  onMessageRead?: (message: MessageRow) => void
  /** Soft-deleted (the row, with `deleted_at`) or removed (what is left of it). */
  onMessageDeleted?: (message: Partial<MessageRow> & Pick<MessageRow, 'id'>) => void
  /** Any other edit, e.g. a corrected body. */
  onMessageUpdated?: (message: MessageRow, old: Partial<MessageRow>) => void
}
export interface MessageCallbacks extends MessageEventCallbacks {
  onChange?: (change: RealtimeChange<MessageRow>) => void
}
export type MessageUpdateHandlers = MessageCallbacks & SubscriptionLifecycle

/** The loyalty callbacks `subscribeToLoyaltyUpdates` and `subscribeToAll` share. */
export interface LoyaltyEventCallbacks {
  /** A positive transaction: earned, bonus or a positive adjustment. */
  onPointsEarned?: (transaction: LoyaltyTransactionRow) => void
  /** A negative transaction: a redemption or a negative adjustment. */
  onPointsRedeemed?: (transaction: LoyaltyTransactionRow) => void
}
export interface LoyaltyCallbacks extends LoyaltyEventCallbacks {
  onChange?: (change: RealtimeChange<LoyaltyTransactionRow>) => void
}
export type LoyaltyUpdateHandlers = LoyaltyCallbacks & SubscriptionLifecycle

/** The filter that keeps a customer-facing table's binding to one customer's rows. */
function customerFilter(table: CustomerTable, customerId: string): string {
  return `${realtimeTables[table].customerColumn}=eq.${assertUuid(customerId, 'customerId')}`
}

/** Routes a change to its per-event callbacks, then to `onChange`. */
function withOnChange<Row>(
  route: (change: RealtimeChange<Row>) => void,
  onChange: () => ((change: RealtimeChange<Row>) => void) | undefined,
): (change: RealtimeChange<Row>) => void {
  return (change) => {
    route(change)
    onChange()?.(change)
  }
}

/** A binding that turns each payload into a typed change for `handle`. */
export function tableBinding<Row>(
  table: TableName,
  filter: string | undefined,
  handle: (change: RealtimeChange<Row>) => void,
): PostgresBinding {
  return { table, filter, deliver: (payload) => handle(toChange<Row>(payload)) }
}

/** Routes message changes to the message callbacks; remembers which ids were already read. */
export function messageRouter(
  callbacks: () => MessageEventCallbacks,
): (change: RealtimeChange<MessageRow>) => void {
  const read = new Set<string>()
  const deleted = new Set<string>()
  return (change) => {
    const handlers = callbacks()
    if (change.eventType === 'INSERT') {
      if (change.new.read_at) read.add(change.new.id)
      handlers.onNewMessage?.(change.new)
    } else if (change.eventType === 'UPDATE') {
      const row = change.new
      const wasDeleted = deleted.has(row.id) || Boolean(change.old.deleted_at)
      const wasRead = read.has(row.id) || Boolean(change.old.read_at)
      if (row.deleted_at && !wasDeleted) {
        deleted.add(row.id)
        handlers.onMessageDeleted?.(row)
      } else if (row.read_at && !wasRead) {
        read.add(row.id)
        handlers.onMessageRead?.(row)
      } else {
        handlers.onMessageUpdated?.(row, change.old)
      }
    } else if (change.old.id) {
      handlers.onMessageDeleted?.({ ...change.old, id: change.old.id })
    }
  }
}

/** Routes loyalty inserts by sign. */
export function loyaltyRouter(
  callbacks: () => LoyaltyEventCallbacks,
): (change: RealtimeChange<LoyaltyTransactionRow>) => void {
  return (change) => {
    const handlers = callbacks()
    if (change.eventType === 'INSERT') {
      if (change.new.points > 0) handlers.onPointsEarned?.(change.new)
      else if (change.new.points < 0) handlers.onPointsRedeemed?.(change.new)
    }
  }
}

/**
 * Live changes to one customer's appointments.
 * @example
 * const stop = subscribeToJobUpdates(supabase, customerId, {
 *   onUpdate: (job, old) => console.info(job.status),
 *   onResync: () => refetchJobs(),
 * })
 */
export function subscribeToJobUpdates(
  client: Client,
  customerId: string,
  handlers: JobUpdateHandlers,
): Unsubscribe {
  const binding = tableBinding<JobRow>('jobs', customerFilter('jobs', customerId), (change) =>
    dispatchChange(change, handlers),
  )
  return subscribeToChannel(
    client,
    { topic: `customer:${customerId}:jobs`, bindings: [binding] },
    handlers,
  )
}

/** Live changes to one customer's invoices. */
export function subscribeToInvoiceUpdates(
  client: Client,
  customerId: string,
  handlers: InvoiceUpdateHandlers,
): Unsubscribe {
  const binding = tableBinding<InvoiceRow>(
    'invoices',
    customerFilter('invoices', customerId),
    (change) => dispatchChange(change, handlers),
  )
  return subscribeToChannel(
    client,
    { topic: `customer:${customerId}:invoices`, bindings: [binding] },
    handlers,
  )
}

/** Live changes to one customer's message thread. */
export function subscribeToMessageUpdates(
  client: Client,
  customerId: string,
  handlers: MessageUpdateHandlers,
): Unsubscribe {
  const binding = tableBinding<MessageRow>(
    'messages',
    customerFilter('messages', customerId),
    withOnChange(
      messageRouter(() => handlers),
      () => handlers.onChange,
    ),
  )
  return subscribeToChannel(
    client,
    { topic: `customer:${customerId}:messages`, bindings: [binding] },
    handlers,
  )
}

/** Live loyalty transactions of one customer. */
export function subscribeToLoyaltyUpdates(
  client: Client,
  customerId: string,
  handlers: LoyaltyUpdateHandlers,
): Unsubscribe {
  const binding = tableBinding<LoyaltyTransactionRow>(
    'loyalty_transactions',
    customerFilter('loyalty_transactions', customerId),
    withOnChange(
      loyaltyRouter(() => handlers),
      () => handlers.onChange,
    ),
  )
  return subscribeToChannel(
    client,
    { topic: `customer:${customerId}:loyalty`, bindings: [binding] },
    handlers,
  )
}

/**
 * One change on a customer's channel as `(table, event, row, old)`, typed per table: narrowing on
 * `table` types the rows. `row` is null for a delete, `old` null for an insert.
 */
export type CustomerChangeArgs = {
  [T in CustomerTable]: [
    table: T,
    event: ChangeEvent,
    row: Row<T> | null,
    old: Partial<Row<T>> | null,
  ]
}[CustomerTable]

/** Every callback `subscribeToAll` understands. */
export interface AllUpdatesCallbacks extends MessageEventCallbacks, LoyaltyEventCallbacks {
  onJobInsert?: (job: JobRow) => void
  onJobUpdate?: (job: JobRow, old: Partial<JobRow>) => void
  onJobDelete?: (old: Partial<JobRow>) => void
  onInvoiceInsert?: (invoice: InvoiceRow) => void
  onInvoiceUpdate?: (invoice: InvoiceRow, old: Partial<InvoiceRow>) => void
  onInvoiceDelete?: (old: Partial<InvoiceRow>) => void
  /** Every change on the channel, after its named callback. */
  onChange?: (...change: CustomerChangeArgs) => void
}
export type AllUpdatesHandlers = AllUpdatesCallbacks & SubscriptionLifecycle & CatchUpLifecycle

/** The tables `subscribeToAll` binds, in order, on its single channel (the realtime registry's). */
export const ALL_UPDATES_TABLES: readonly CustomerTable[] = customerTables

type NamedRoutes = {
  [T in CustomerTable]?: (change: RealtimeChange<Row<T>>) => void
}

/** The named callbacks of the tables that have them; a table without any gets `onChange` only. */
function namedRoutes(handlers: AllUpdatesCallbacks): NamedRoutes {
  return {
    jobs: (change) =>
      dispatchChange(change, {
        onInsert: handlers.onJobInsert,
        onUpdate: handlers.onJobUpdate,
        onDelete: handlers.onJobDelete,
      }),
    invoices: (change) =>
      dispatchChange(change, {
        onInsert: handlers.onInvoiceInsert,
        onUpdate: handlers.onInvoiceUpdate,
        onDelete: handlers.onInvoiceDelete,
      }),
    messages: messageRouter(() => handlers),
    loyalty_transactions: loyaltyRouter(() => handlers),
  }
}

function customerBinding<T extends CustomerTable>(
  table: T,
  customerId: string,
  route: ((change: RealtimeChange<Row<T>>) => void) | undefined,
  handlers: AllUpdatesCallbacks,
): PostgresBinding {
  return tableBinding<Row<T>>(table, customerFilter(table, customerId), (change) => {
    route?.(change)
    // The tuple is built for this table, which is what CustomerChangeArgs says per member.
    handlers.onChange?.(
      ...([table, change.eventType, change.new, change.old] as CustomerChangeArgs),
    )
  })
}

/**
 * One channel per customer with a binding per customer-facing table: what the portal uses for its
 * whole session.
 * @example
 * const stop = subscribeToAll(supabase, customerId, {
 *   onNewMessage: notify,
 *   onChange: (table, event, row) => table === 'jobs' && refreshJob(row),
 * })
 */
export function subscribeToAll(
  client: Client,
  customerId: string,
  handlers: AllUpdatesHandlers,
): Unsubscribe {
  const routes = namedRoutes(handlers)
  const bindings = customerTables.map((table) =>
    customerBinding(
      table,
      customerId,
      // One route per table; the map's type cannot carry that pairing through `table`'s union.
      routes[table] as ((change: RealtimeChange<Row<CustomerTable>>) => void) | undefined,
      handlers,
    ),
  )
  const topic = `customer:${customerId}:all`
  if (handlers.catchUp === false) return subscribeToChannel(client, { topic, bindings }, handlers)

  const byTable = new Map(bindings.map((binding) => [binding.table as string, binding]))
  const catchUp = createFeedCatchUp({
    client,
    scope: { customerId: assertUuid(customerId, 'customerId') },
    tables: customerTables,
    options: handlers.catchUp ?? {},
    rowsLive: true,
    deliver: async (entries) => {
      const rows = await currentRows(client, entries)
      for (const entry of entries) {
        const payload = feedPayload(entry, rows)
        if (payload) byTable.get(entry.table_name)?.deliver(payload)
      }
    },
    ...catchUpCallbacks(handlers),
  })
  // Row events while catching up are dropped: their feed entries deliver them, in order.
  const live = bindings.map(
    (binding): PostgresBinding => ({
      ...binding,
      deliver: (payload) => {
        const row = payload.eventType === 'DELETE' ? payload.old : payload.new
        if (catchUp.acceptRow(binding.table, String(row.id ?? ''), payload.eventType))
          catchUp.inOrder(() => binding.deliver(payload))
      },
    }),
  )
  const feed = feedBinding('customer_id', customerId, catchUp, () => undefined)
  const stop = subscribeToChannel(
    client,
    { topic, bindings: [...live, feed], onJoin: catchUp.onJoin },
    handlers,
  )
  return () => {
    catchUp.stop()
    stop()
  }
}

function catchUpCallbacks(handlers: SubscriptionLifecycle & CatchUpLifecycle) {
  return {
    onResync: () => handlers.onResync?.(),
    onCatchUpStart: () => handlers.onCatchUpStart?.(),
    onCatchUp: (summary: Parameters<NonNullable<CatchUpLifecycle['onCatchUp']>>[0]) =>
      handlers.onCatchUp?.(summary),
  }
}

/** The live change-feed binding of a catch-up: entries of one organization or one customer. */
function feedBinding(
  column: 'organization_id' | 'customer_id',
  id: string,
  catchUp: FeedCatchUp,
  deliver: (entry: ChangeFeedRow) => void,
): PostgresBinding {
  return {
    table: 'realtime_table_events',
    event: 'INSERT',
    filter: `${column}=eq.${assertUuid(id, column)}`,
    deliver: (payload) => {
      if (payload.eventType !== 'INSERT') return
      // A bigint: realtime may send it as text.
      const entry = { ...(payload.new as ChangeFeedRow), id: Number(payload.new.id) }
      if (catchUp.onLiveEntry(entry)) catchUp.inOrder(() => deliver(entry))
    },
  }
}

/** The current rows (readable by the caller) behind inserted and updated entries. */
async function currentRows(
  client: Client,
  entries: readonly ChangeFeedRow[],
): Promise<Map<string, Record<string, unknown>>> {
  const ids = new Map<string, string[]>()
  for (const entry of entries) {
    if (entry.event_type === 'DELETE') continue
    ids.set(entry.table_name, [...(ids.get(entry.table_name) ?? []), entry.record_id])
  }
  const rows = new Map<string, Record<string, unknown>>()
  // Loaded with the first catch-up read, not with every page that subscribes (see catch-up.ts).
  const { listRowsByIds } = await import('@repo/database/repositories/change-feed')
  for (const [table, recordIds] of ids) {
    for (const row of await listRowsByIds(client, table as DbTableName, recordIds)) {
      const record = row as Record<string, unknown>
      rows.set(`${table}|${String(record.id)}`, record)
    }
  }
  return rows
}

/**
 * A missed entry as the payload a live event would have had: the row as it is now (`old` holds
 * only the key, as realtime sends to someone who could not read the old row). Entries whose row is
 * gone or no longer readable are skipped: a later entry (the delete) says what happened.
 */
function feedPayload(
  entry: ChangeFeedRow,
  rows: Map<string, Record<string, unknown>>,
): RawChangePayload | null {
  const base = { schema: 'public', table: entry.table_name, commit_timestamp: entry.created_at }
  const key = { id: entry.record_id }
  if (entry.event_type === 'DELETE') return { ...base, eventType: 'DELETE', new: {}, old: key }
  const row = rows.get(`${entry.table_name}|${entry.record_id}`)
  if (!row) return null
  return {
    ...base,
    eventType: entry.event_type === 'INSERT' ? 'INSERT' : 'UPDATE',
    new: row,
    old: entry.event_type === 'INSERT' ? {} : key,
  }
}

export interface ChangeFeedHandlers extends SubscriptionLifecycle, CatchUpLifecycle {
  onChange: (event: ChangeFeedRow) => void
  /** Only events for this record (a detail view). */
  recordId?: string
  /** Only events for these tables. */
  tables?: readonly ChangeFeedTable[]
}

/**
 * The organization's change feed for staff views: lists invalidate on any event, detail views pass
 * `recordId` to hear only about their record. After a rejoin the entries missed meanwhile reach
 * `onChange` in order (catch-up); `onResync` fires only when they cannot.
 */
export function subscribeToChangeFeed(
  client: Client,
  organizationId: string,
  handlers: ChangeFeedHandlers,
): Unsubscribe {
  const column = realtimeTables.realtime_table_events.organizationColumn
  const topic = `org:${organizationId}:changes`
  if (handlers.catchUp === false) {
    const filter = `${column}=eq.${assertUuid(organizationId, 'organizationId')}`
    const binding = tableBinding<ChangeFeedRow>('realtime_table_events', filter, (change) => {
      if (change.eventType !== 'INSERT') return
      const event = change.new
      if (handlers.recordId && event.record_id !== handlers.recordId) return
      if (handlers.tables && !handlers.tables.includes(event.table_name as ChangeFeedTable)) return
      handlers.onChange(event)
    })
    return subscribeToChannel(
      client,
      { topic, bindings: [{ ...binding, event: 'INSERT' }] },
      handlers,
    )
  }
  const catchUp = createFeedCatchUp({
    client,
    scope: { organizationId: assertUuid(organizationId, 'organizationId') },
    tables: handlers.tables,
    recordId: handlers.recordId,
    options: handlers.catchUp ?? {},
    deliver: (entries) => {
      for (const entry of entries) handlers.onChange(entry)
    },
    ...catchUpCallbacks(handlers),
  })
  const feed = feedBinding(column, organizationId, catchUp, (entry) => handlers.onChange(entry))
  const stop = subscribeToChannel(
    client,
    { topic, bindings: [feed], onJoin: catchUp.onJoin },
    handlers,
  )
  return () => {
    catchUp.stop()
    stop()
  }
}

/** Changes to one row of a published table (filtered by its `id`), for a detail view. */
export function subscribeToRecord<T extends PublishedTable>(
  client: Client,
  table: T,
  recordId: string,
  handlers: TableChangeHandlers<Row<T>> & SubscriptionLifecycle,
): Unsubscribe {
  const binding = tableBinding<Row<T>>(
    table,
    `id=eq.${assertUuid(recordId, 'recordId')}`,
    (change) => dispatchChange(change, handlers),
  )
  return subscribeToChannel(
    client,
    { topic: `record:${table}:${recordId}`, bindings: [binding] },
    handlers,
  )
}

export type { ChangeFeedTable, CustomerTable, OrganizationTable, PublishedTable }

/**
 * Full rows of one table for a whole organization (filtered by `organization_id`), for staff
 * views that need the changed row itself, not just the change feed's ids: patching a visible list
 * row in place, or deciding whether a change is worth a notification.
 */
export function subscribeToOrganizationUpdates<T extends OrganizationTable>(
  client: Client,
  table: T,
  organizationId: string,
  handlers: TableChangeHandlers<Row<T>> & SubscriptionLifecycle,
): Unsubscribe {
  const binding = tableBinding<Row<T>>(
    table,
    `${realtimeTables[table].organizationColumn}=eq.${assertUuid(organizationId, 'organizationId')}`,
    (change) => dispatchChange(change, handlers),
  )
  return subscribeToChannel(
    client,
    { topic: `org:${organizationId}:${table}`, bindings: [binding] },
    handlers,
  )
}
