import type { TableName } from '@repo/database/types'

export type {
  ChangeEvent,
  Client,
  InvoiceRow,
  JobRow,
  LoyaltyTransactionRow,
  MessageRow,
  TableName,
} from '@repo/database/types'

/** What a view shows about its live connection. */
export type RealtimeStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected'

/** Stops a subscription and removes its channel. Safe to call more than once. */
export type Unsubscribe = () => void

/** One delivered change with typed rows; `old` holds at least the primary key. */
export type RealtimeChange<Row> =
  | { table: TableName; eventType: 'INSERT'; new: Row; old: null; commitTimestamp: string }
  | { table: TableName; eventType: 'UPDATE'; new: Row; old: Partial<Row>; commitTimestamp: string }
  | { table: TableName; eventType: 'DELETE'; new: null; old: Partial<Row>; commitTimestamp: string }

/** Per-table callbacks. `old` on update is complete only where the table has REPLICA IDENTITY FULL. */
export interface TableChangeHandlers<Row> {
  onInsert?: (row: Row) => void
  onUpdate?: (row: Row, old: Partial<Row>) => void
  onDelete?: (old: Partial<Row>) => void
  /** Every change, after the specific callback. */
  onChange?: (change: RealtimeChange<Row>) => void
}

/** Lifecycle callbacks shared by every subscription. */
export interface SubscriptionLifecycle {
  /** Each status change, with the error that caused it (if any). */
  onStatus?: (status: RealtimeStatus, error: Error | null) => void
  /**
   * Fired when the channel is live again after an outage or a pause. Changes made meanwhile are not
   * replayed by Supabase, so re-fetch here.
   */
  onResync?: () => void
  /** Leave the channel while the tab is hidden and rejoin (then resync) when it is shown. */
  pauseWhenHidden?: boolean
}
