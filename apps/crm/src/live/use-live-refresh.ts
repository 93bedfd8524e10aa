'use client'

import type { RealtimeChannel } from '@supabase/supabase-js'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef } from 'react'
import { type LiveStatus, useRealtimeChannel } from './use-realtime-channel.ts'

export interface FeedEvent {
  table_name: string
  record_id: string
  event_type: 'INSERT' | 'UPDATE' | 'DELETE'
}

/** Coalesces bursts of changes into one server re-render shortly after the last one. */
function useDebouncedRefresh(delayMs = 30): () => void {
  const router = useRouter()
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
  }, [])
  return useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => router.refresh(), delayMs)
  }, [router, delayMs])
}

/**
 * List views: refresh on any change in the organization's change feed (optionally only some tables).
 * `onEvent` sees each entry first, e.g. for notifications.
 */
export function useOrgFeedRefresh(
  organizationId: string,
  options: { tables?: readonly string[]; onEvent?: (event: FeedEvent) => void; refresh?: boolean } = {},
): LiveStatus {
  const refresh = useDebouncedRefresh()
  const optionsRef = useRef(options)
  optionsRef.current = options
  const { status } = useRealtimeChannel(
    `crm-feed:${organizationId}`,
    (channel: RealtimeChannel) => {
      channel.on(
        'postgres_changes',
        { event: 'INSERT', schema: 'public', table: 'realtime_table_events', filter: `organization_id=eq.${organizationId}` },
        (payload: { new: Record<string, unknown> }) => {
          const event = payload.new as unknown as FeedEvent
          const { tables, onEvent, refresh: shouldRefresh = true } = optionsRef.current
          onEvent?.(event)
          if (shouldRefresh && (!tables || tables.includes(event.table_name))) refresh()
        },
      )
    },
    { onResync: refresh },
  )
  return status
}

export interface RecordBinding {
  table: 'customers' | 'jobs' | 'invoices' | 'messages' | 'loyalty_transactions' | 'invoice_line_items'
  /** A realtime filter such as `customer_id=eq.<uuid>`. */
  filter: string
}

/** Detail views: per-record postgres_changes; any change to the record (or its children) re-renders it. */
export function useRecordRefresh(
  key: string,
  bindings: readonly RecordBinding[],
  onChange?: (table: RecordBinding['table'], row: Record<string, unknown>) => void,
): LiveStatus {
  const refresh = useDebouncedRefresh()
  const onChangeRef = useRef(onChange)
  onChangeRef.current = onChange
  const { status } = useRealtimeChannel(
    `crm-record:${key}`,
    (channel) => {
      for (const binding of bindings) {
        channel.on(
          'postgres_changes',
          { event: '*', schema: 'public', table: binding.table, filter: binding.filter },
          (payload: { new: Record<string, unknown>; old: Record<string, unknown> }) => {
            onChangeRef.current?.(binding.table, payload.new ?? payload.old)
            refresh()
          },
        )
      }
    },
    { onResync: refresh },
  )
  return status
}
