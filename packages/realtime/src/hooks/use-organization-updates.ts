'use client'

import type { Row } from '@repo/database/types'
import type { OrganizationTable } from '../core/customer-subscriptions.ts'
import {
  type TableHookOptions,
  type TableHookState,
  useTableSubscription,
} from './use-table-subscription.ts'

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
  return useTableSubscription(
    organizationId ? `org:${table}:${organizationId}` : null,
    `Organization ${table}`,
    (client, handlers, core) =>
      core.subscribeToOrganizationUpdates(client, table, organizationId ?? '', handlers),
    options,
  )
}
