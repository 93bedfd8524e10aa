'use client'

import { useState } from 'react'
import type {
  Client,
  RealtimeChange,
  SubscriptionLifecycle,
  TableChangeHandlers,
  Unsubscribe,
} from '../core/types.ts'
import { useLatest } from './use-latest.ts'
import type { RealtimeCore } from './use-realtime-core.ts'
import {
  type RealtimeHookOptions,
  type RealtimeHookState,
  useRealtimeSubscription,
} from './use-realtime-subscription.ts'

export type TableHookOptions<Row> = TableChangeHandlers<Row> & RealtimeHookOptions

export interface TableHookState<Row> extends RealtimeHookState {
  /** The most recent change delivered to this hook, or null. */
  latestUpdate: RealtimeChange<Row> | null
}

type OpenTable<Row> = (
  client: Client,
  handlers: TableChangeHandlers<Row> & SubscriptionLifecycle,
  core: RealtimeCore,
) => Unsubscribe

/**
 * The body of every per-table hook: the caller's callbacks are read through a ref (a re-render
 * never re-subscribes) and the latest change is kept as state. `key` null means not subscribed.
 */
export function useTableSubscription<Row>(
  key: string | null,
  label: string,
  open: OpenTable<Row>,
  options: TableHookOptions<Row>,
): TableHookState<Row> {
  const handlers = useLatest(options)
  const [latestUpdate, setLatestUpdate] = useState<RealtimeChange<Row> | null>(null)
  const state = useRealtimeSubscription(
    key,
    label,
    (client, lifecycle, core) =>
      open(
        client,
        {
          ...lifecycle,
          onInsert: (row) => handlers.current.onInsert?.(row),
          onUpdate: (row, old) => handlers.current.onUpdate?.(row, old),
          onDelete: (old) => handlers.current.onDelete?.(old),
          onChange: (change) => {
            setLatestUpdate(change)
            handlers.current.onChange?.(change)
          },
        },
        core,
      ),
    options,
  )
  return { ...state, latestUpdate }
}
