'use client'

import { customerTables } from '@repo/domain/realtime-tables'
import type { AllUpdatesCallbacks, CustomerTable } from '../core/customer-subscriptions.ts'
import type { CatchUpLifecycle } from '../core/types.ts'
import { useLatest } from './use-latest.ts'
import {
  type RealtimeHookOptions,
  type RealtimeHookState,
  useRealtimeSubscription,
} from './use-realtime-subscription.ts'

export type AllUpdatesOptions = AllUpdatesCallbacks & RealtimeHookOptions & CatchUpLifecycle

export interface AllUpdatesState extends RealtimeHookState {
  /** The tables bound on the channel while it is live (empty otherwise). */
  activeSubscriptions: readonly CustomerTable[]
}

const NONE: AllUpdatesState['activeSubscriptions'] = []

/**
 * Everything about one customer on ONE channel: every customer-facing table of the realtime
 * registry (jobs, invoices, messages, loyalty). Named callbacks per table, and `onChange(table,
 * event, row, old)` for any of them.
 * @example
 * const { status, activeSubscriptions } = useAllUpdates(customerId, {
 *   onNewMessage: (message) => addMessage(message),
 *   onChange: (table, event, row, old) => notifyChange(describeChange(table, event, row, old, zone)),
 *   onResync: () => router.refresh(), // only when the missed changes cannot be caught up
 * })
 */
export function useAllUpdates(
  customerId: string | null | undefined,
  options: AllUpdatesOptions = {},
): AllUpdatesState {
  const handlers = useLatest(options)
  const state = useRealtimeSubscription(
    customerId ? `all:${customerId}` : null,
    'Live updates',
    (client, lifecycle, core) =>
      core.subscribeToAll(client, customerId ?? '', {
        ...lifecycle,
        catchUp: options.catchUp,
        onCatchUpStart: () => handlers.current.onCatchUpStart?.(),
        onCatchUp: (summary) => handlers.current.onCatchUp?.(summary),
        onJobInsert: (row) => handlers.current.onJobInsert?.(row),
        onJobUpdate: (row, old) => handlers.current.onJobUpdate?.(row, old),
        onJobDelete: (old) => handlers.current.onJobDelete?.(old),
        onInvoiceInsert: (row) => handlers.current.onInvoiceInsert?.(row),
        onInvoiceUpdate: (row, old) => handlers.current.onInvoiceUpdate?.(row, old),
        onInvoiceDelete: (old) => handlers.current.onInvoiceDelete?.(old),
        onNewMessage: (row) => handlers.current.onNewMessage?.(row),
        onMessageRead: (row) => handlers.current.onMessageRead?.(row),
        onMessageDeleted: (row) => handlers.current.onMessageDeleted?.(row),
        onMessageUpdated: (row, old) => handlers.current.onMessageUpdated?.(row, old),
        onPointsEarned: (row) => handlers.current.onPointsEarned?.(row),
        onPointsRedeemed: (row) => handlers.current.onPointsRedeemed?.(row),
        onChange: (...change) => handlers.current.onChange?.(...change),
      }),
    options,
  )
  return { ...state, activeSubscriptions: state.isConnected ? customerTables : NONE }
}
