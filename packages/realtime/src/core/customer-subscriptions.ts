import type { ChangeFeedRow, Row } from '@repo/database/types'
import {
  assertUuid,
  dispatchChange,
  type PostgresBinding,
  subscribeToChannel,
  toChange,
} from './channel-subscription.ts'
import type {
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

export interface MessageCallbacks {
  onNewMessage?: (message: MessageRow) => void
  /** A message was marked read (fires once per message). */
  onMessageRead?: (message: MessageRow) => void
  /** Soft-deleted (the row, with `deleted_at`) or removed (what is left of it). */
  onMessageDeleted?: (message: Partial<MessageRow> & Pick<MessageRow, 'id'>) => void
  /** Any other edit, e.g. a corrected body. */
  onMessageUpdated?: (message: MessageRow, old: Partial<MessageRow>) => void
  onChange?: (change: RealtimeChange<MessageRow>) => void
}
export type MessageUpdateHandlers = MessageCallbacks & SubscriptionLifecycle

export interface LoyaltyCallbacks {
  /** A positive transaction: earned, bonus or a positive adjustment. */
  onPointsEarned?: (transaction: LoyaltyTransactionRow) => void
  /** A negative transaction: a redemption or a negative adjustment. */
  onPointsRedeemed?: (transaction: LoyaltyTransactionRow) => void
  onChange?: (change: RealtimeChange<LoyaltyTransactionRow>) => void
}
export type LoyaltyUpdateHandlers = LoyaltyCallbacks & SubscriptionLifecycle

function customerFilter(customerId: string): string {
  return `customer_id=eq.${assertUuid(customerId, 'customerId')}`
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
  callbacks: () => MessageCallbacks,
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
    handlers.onChange?.(change)
  }
}

/** Routes loyalty inserts by sign. */
export function loyaltyRouter(
  callbacks: () => LoyaltyCallbacks,
): (change: RealtimeChange<LoyaltyTransactionRow>) => void {
  return (change) => {
    const handlers = callbacks()
    if (change.eventType === 'INSERT') {
      if (change.new.points > 0) handlers.onPointsEarned?.(change.new)
      else if (change.new.points < 0) handlers.onPointsRedeemed?.(change.new)
    }
    handlers.onChange?.(change)
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
  const binding = tableBinding<JobRow>('jobs', customerFilter(customerId), (change) =>
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
  const binding = tableBinding<InvoiceRow>('invoices', customerFilter(customerId), (change) =>
    dispatchChange(change, handlers),
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
    customerFilter(customerId),
    messageRouter(() => handlers),
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
    customerFilter(customerId),
    loyaltyRouter(() => handlers),
  )
  return subscribeToChannel(
    client,
    { topic: `customer:${customerId}:loyalty`, bindings: [binding] },
    handlers,
  )
}

/** Every callback `subscribeToAll` understands. */
export interface AllUpdatesCallbacks extends MessageCallbacks, LoyaltyCallbacks {
  onJobInsert?: (job: JobRow) => void
  onJobUpdate?: (job: JobRow, old: Partial<JobRow>) => void
  onJobDelete?: (old: Partial<JobRow>) => void
  onInvoiceInsert?: (invoice: InvoiceRow) => void
  onInvoiceUpdate?: (invoice: InvoiceRow, old: Partial<InvoiceRow>) => void
  onInvoiceDelete?: (old: Partial<InvoiceRow>) => void
  onChange?: (change: AnyCustomerChange) => void
}
export type AllUpdatesHandlers = AllUpdatesCallbacks & SubscriptionLifecycle

export type AnyCustomerChange =
  | RealtimeChange<JobRow>
  | RealtimeChange<InvoiceRow>
  | RealtimeChange<MessageRow>
  | RealtimeChange<LoyaltyTransactionRow>

/** The tables `subscribeToAll` binds, in order, on its single channel. */
export const ALL_UPDATES_TABLES = ['jobs', 'invoices', 'messages', 'loyalty_transactions'] as const

/**
 * One channel per customer with a binding per table: what the portal uses for its whole session.
 * @example
 * const stop = subscribeToAll(supabase, customerId, { onJobUpdate: refreshJob, onNewMessage: notify })
 */
export function subscribeToAll(
  client: Client,
  customerId: string,
  handlers: AllUpdatesHandlers,
): Unsubscribe {
  const filter = customerFilter(customerId)
  const bindings = [
    tableBinding<JobRow>('jobs', filter, (change) => {
      dispatchChange(change, {
        onInsert: handlers.onJobInsert,
        onUpdate: handlers.onJobUpdate,
        onDelete: handlers.onJobDelete,
      })
      handlers.onChange?.(change)
    }),
    tableBinding<InvoiceRow>('invoices', filter, (change) => {
      dispatchChange(change, {
        onInsert: handlers.onInvoiceInsert,
        onUpdate: handlers.onInvoiceUpdate,
        onDelete: handlers.onInvoiceDelete,
      })
      handlers.onChange?.(change)
    }),
    tableBinding<MessageRow>(
      'messages',
      filter,
      messageRouter(() => handlers),
    ),
    tableBinding<LoyaltyTransactionRow>(
      'loyalty_transactions',
      filter,
      loyaltyRouter(() => handlers),
    ),
  ]
  return subscribeToChannel(client, { topic: `customer:${customerId}:all`, bindings }, handlers)
}

export interface ChangeFeedHandlers extends SubscriptionLifecycle {
  onChange: (event: ChangeFeedRow) => void
  /** Only events for this record (a detail view). */
  recordId?: string
  /** Only events for these tables. */
  tables?: readonly TableName[]
}

/**
 * The organization's change feed for staff views: lists invalidate on any event, detail views pass
 * `recordId` to hear only about their record.
 */
export function subscribeToChangeFeed(
  client: Client,
  organizationId: string,
  handlers: ChangeFeedHandlers,
): Unsubscribe {
  const filter = `organization_id=eq.${assertUuid(organizationId, 'organizationId')}`
  const binding = tableBinding<ChangeFeedRow>('realtime_table_events', filter, (change) => {
    if (change.eventType !== 'INSERT') return
    const event = change.new
    if (handlers.recordId && event.record_id !== handlers.recordId) return
    if (handlers.tables && !handlers.tables.includes(event.table_name as TableName)) return
    handlers.onChange(event)
  })
  return subscribeToChannel(
    client,
    { topic: `org:${organizationId}:changes`, bindings: [{ ...binding, event: 'INSERT' }] },
    handlers,
  )
}

/** Changes to one row of any table (filtered by its `id`), for a detail view. */
export function subscribeToRecord<T extends TableName>(
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

/** Tables whose rows carry `organization_id`, so they can be followed for a whole organization. */
export type OrganizationTable = {
  [T in TableName]: Row<T> extends { organization_id: string } ? T : never
}[TableName]

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
    `organization_id=eq.${assertUuid(organizationId, 'organizationId')}`,
    (change) => dispatchChange(change, handlers),
  )
  return subscribeToChannel(
    client,
    { topic: `org:${organizationId}:${table}`, bindings: [binding] },
    handlers,
  )
}
