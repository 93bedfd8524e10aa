'use client'

import type { JobRow } from '../core/types.ts'
import {
  type TableHookOptions,
  type TableHookState,
  useTableSubscription,
} from './use-table-subscription.ts'

export type { TableHookOptions, TableHookState } from './use-table-subscription.ts'

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
  return useTableSubscription(
    customerId ? `jobs:${customerId}` : null,
    'Appointments',
    (client, handlers, core) => core.subscribeToJobUpdates(client, customerId ?? '', handlers),
    options,
  )
}
