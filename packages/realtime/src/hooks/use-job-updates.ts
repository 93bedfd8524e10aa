'use client'

import { useState } from 'react'
import { subscribeToJobUpdates } from '../core/customer-subscriptions.ts'
import type { JobRow, RealtimeChange, TableChangeHandlers } from '../core/types.ts'
import { useLatest } from './use-latest.ts'
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

/**
 * Live changes to a customer's appointments (null id: not subscribed yet).
 * @example
 * const { status } = useJobUpdates(customerId, {
 *   onUpdate: (job) => setJobs((jobs) => jobs.map((j) => (j.id === job.id ? job : j))),
 *   onResync: () => router.refresh(),
 * })
 */
export function useJobUpdates(
  customerId: string | null | undefined,
  options: TableHookOptions<JobRow> = {},
): TableHookState<JobRow> {
  const handlers = useLatest(options)
  const [latestUpdate, setLatestUpdate] = useState<RealtimeChange<JobRow> | null>(null)
  const state = useRealtimeSubscription(
    customerId ? `jobs:${customerId}` : null,
    'Appointments',
    (client, lifecycle) =>
      subscribeToJobUpdates(client, customerId ?? '', {
        ...lifecycle,
        onInsert: (row) => handlers.current.onInsert?.(row),
        onUpdate: (row, old) => handlers.current.onUpdate?.(row, old),
        onDelete: (old) => handlers.current.onDelete?.(old),
        onChange: (change) => {
          setLatestUpdate(change)
          handlers.current.onChange?.(change)
        },
      }),
    options,
  )
  return { ...state, latestUpdate }
}
