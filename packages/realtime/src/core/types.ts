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

/** Bounds of the catch-up after a rejoin (see `createFeedCatchUp`). */
export interface CatchUpOptions {
  /** More missed changes than this and the view re-fetches instead (`onResync`). Default 5,000. */
  maxEntries?: number
  /** Feed entries per REST read, at most 1,000. Default 500. */
  pageSize?: number
  /** Pause before the second read that covers the rejoin itself. Default 750 ms. */
  settleMs?: number
}

/** What a catch-up did: `complete` false means it fell back to `onResync`. */
export interface CatchUpSummary {
  complete: boolean
  /** Missed changes handed to the callbacks. */
  delivered: number
  /** The last feed id seen before the outage, and the last one applied now. */
  fromId: number
  toId: number
}

/**
 * Exact catch-up from the change feed (the organization's, or the customer's own entries): after
 * a rejoin the changes missed meanwhile are delivered through the normal callbacks, in order and
 * once each, and `onResync` fires only when that is not possible.
 */
export interface CatchUpLifecycle {
  /** On by default; `false` makes every rejoin fire `onResync` as before. */
  catchUp?: CatchUpOptions | false
  /** A catch-up starts: the events until `onCatchUp` are missed changes, not live ones. */
  onCatchUpStart?: () => void
  /** A catch-up ended (after its events were delivered, or before `onResync` when it could not). */
  onCatchUp?: (summary: CatchUpSummary) => void
}
