'use client'

import type { ChangeFeedRow, Row } from '@repo/database/types'
import type { ChangeFeedTable, PublishedTable } from '../core/customer-subscriptions.ts'
import type { CatchUpLifecycle } from '../core/types.ts'
import { useLatest } from './use-latest.ts'
import {
  type RealtimeHookOptions,
  type RealtimeHookState,
  useRealtimeSubscription,
} from './use-realtime-subscription.ts'
import {
  type TableHookOptions,
  type TableHookState,
  useTableSubscription,
} from './use-table-subscription.ts'

export interface ChangeFeedOptions extends RealtimeHookOptions, CatchUpLifecycle {
  onChange: (event: ChangeFeedRow) => void
  /** Only this record's events (detail views). */
  recordId?: string
  /** Only these tables' events. */
  tables?: readonly ChangeFeedTable[]
}

/**
 * Staff views: the organization's change feed. Lists re-fetch on any event; detail views pass
 * `recordId`. After a reconnect the missed entries reach `onChange` (catch-up); `onResync` fires
 * only when they cannot.
 * @example
 * useChangeFeed(organizationId, { tables: ['jobs'], onChange: () => router.refresh() })
 */
export function useChangeFeed(
  organizationId: string | null | undefined,
  options: ChangeFeedOptions,
): RealtimeHookState {
  const handlers = useLatest(options)
  const tablesKey = options.tables ? [...options.tables].sort().join(',') : '*'
  return useRealtimeSubscription(
    organizationId ? `feed:${organizationId}:${options.recordId ?? '*'}:${tablesKey}` : null,
    'Changes',
    (client, lifecycle, core) =>
      core.subscribeToChangeFeed(client, organizationId ?? '', {
        ...lifecycle,
        catchUp: options.catchUp,
        onCatchUpStart: () => handlers.current.onCatchUpStart?.(),
        onCatchUp: (summary) => handlers.current.onCatchUp?.(summary),
        recordId: options.recordId,
        tables: options.tables,
        onChange: (event) => handlers.current.onChange(event),
      }),
    options,
  )
}

/**
 * Changes to one row of a table, e.g. the job a detail page shows.
 * @example
 * useRecordUpdates('jobs', jobId, { onUpdate: setJob, onDelete: () => router.push('/jobs') })
 */
export function useRecordUpdates<T extends PublishedTable>(
  table: T,
  recordId: string | null | undefined,
  options: TableHookOptions<Row<T>> = {},
): TableHookState<Row<T>> {
  return useTableSubscription(
    recordId ? `record:${table}:${recordId}` : null,
    'This record',
    (client, handlers, core) => core.subscribeToRecord(client, table, recordId ?? '', handlers),
    options,
  )
}
