'use client'

import type { InvoiceRow } from '../core/types.ts'
import {
  type TableHookOptions,
  type TableHookState,
  useTableSubscription,
} from './use-table-subscription.ts'

/**
 * Live changes to a customer's invoices.
 * @example
 * useInvoiceUpdates(customerId, { onUpdate: (invoice) => invoice.status === 'paid' && celebrate() })
 */
export function useInvoiceUpdates(
  customerId: string | null | undefined,
  options: TableHookOptions<InvoiceRow> = {},
): TableHookState<InvoiceRow> {
  return useTableSubscription(
    customerId ? `invoices:${customerId}` : null,
    'Invoices',
    (client, handlers, core) => core.subscribeToInvoiceUpdates(client, customerId ?? '', handlers),
    options,
  )
}
