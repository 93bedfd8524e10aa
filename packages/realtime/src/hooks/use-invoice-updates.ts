'use client'

import { useState } from 'react'
import { subscribeToInvoiceUpdates } from '../core/customer-subscriptions.ts'
import type { InvoiceRow, RealtimeChange } from '../core/types.ts'
import type { TableHookOptions, TableHookState } from './use-job-updates.ts'
import { useLatest } from './use-latest.ts'
import { useRealtimeSubscription } from './use-realtime-subscription.ts'

/**
 * Live changes to a customer's invoices.
 * @example
 * useInvoiceUpdates(customerId, { onUpdate: (invoice) => invoice.status === 'paid' && celebrate() })
 */
export function useInvoiceUpdates(
  customerId: string | null | undefined,
  options: TableHookOptions<InvoiceRow> = {},
): TableHookState<InvoiceRow> {
  const handlers = useLatest(options)
  const [latestUpdate, setLatestUpdate] = useState<RealtimeChange<InvoiceRow> | null>(null)
  const state = useRealtimeSubscription(
    customerId ? `invoices:${customerId}` : null,
    'Invoices',
    (client, lifecycle) =>
      subscribeToInvoiceUpdates(client, customerId ?? '', {
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
