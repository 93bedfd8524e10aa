'use client'

import type { Row } from '@repo/database/types'
import { useState } from 'react'
import {
  type OrganizationTable,
  subscribeToOrganizationUpdates,
} from '../core/customer-subscriptions.ts'
import type { RealtimeChange } from '../core/types.ts'
import type { TableHookOptions, TableHookState } from './use-job-updates.ts'
import { useLatest } from './use-latest.ts'
import { useRealtimeSubscription } from './use-realtime-subscription.ts'

/**
 * Full rows of one table across the staff member's organization. Lists that only need to know
 * "something changed" should use `useChangeFeed`; this is for views that need the row itself.
 * @example
 * useOrganizationUpdates('customers', organizationId, {
 *   onUpdate: (customer) => setRows((rows) => rows.map((r) => (r.id === customer.id ? customer : r))),
 * })
 */
export function useOrganizationUpdates<T extends OrganizationTable>(
  table: T,
  organizationId: string | null | undefined,
  options: TableHookOptions<Row<T>> = {},
): TableHookState<Row<T>> {
  const handlers = useLatest(options)
  const [latestUpdate, setLatestUpdate] = useState<RealtimeChange<Row<T>> | null>(null)
  const state = useRealtimeSubscription(
    organizationId ? `org:${table}:${organizationId}` : null,
    `Organization ${table}`,
    (client, lifecycle) =>
      subscribeToOrganizationUpdates(client, table, organizationId ?? '', {
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
