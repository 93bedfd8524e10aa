'use client'

import { useEffect, useState, useSyncExternalStore } from 'react'
import type { SubscriptionStatusEntry } from '../core/status-store.ts'
import type { RealtimeStatus } from '../core/types.ts'
import { useRealtimeContext } from './realtime-provider.tsx'

export interface ConnectionStatusState {
  /** connecting / connected / reconnecting / disconnected, worst of all live subscriptions. */
  status: RealtimeStatus
  isConnected: boolean
  subscriptions: readonly SubscriptionStatusEntry[]
  /**
   * Not live for `OFFLINE_AFTER_MS` (while something on the page wants to be): time to say so
   * plainly and offer `retry`, instead of "Connecting…" forever.
   */
  offline: boolean
  /** Reconnect now (a no-op outside a provider). */
  retry(): void
}

/** How long a page may keep trying before it is shown as offline. */
export const OFFLINE_AFTER_MS = 15_000

const noop = () => () => undefined
const NONE: readonly SubscriptionStatusEntry[] = []

/**
 * The page's overall realtime status, from every hook under the RealtimeProvider.
 * @example
 * const { status } = useConnectionStatus()
 * return <ConnectionStatus status={status} variant="badge" />
 */
export function useConnectionStatus(): ConnectionStatusState {
  const context = useRealtimeContext()
  const store = context?.statusStore
  const subscribe = store ? store.subscribe : noop
  const status = useSyncExternalStore<RealtimeStatus>(
    subscribe,
    () => store?.overall() ?? 'disconnected',
    () => 'connecting',
  )
  const subscriptions = useSyncExternalStore(
    subscribe,
    () => store?.entries() ?? NONE,
    () => NONE,
  )
  const trying = status !== 'connected' && subscriptions.length > 0
  const since = useSyncExternalStore(subscribe, () => store?.lastLiveOrRetry() ?? 0, () => 0)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!trying) return
    const left = since + OFFLINE_AFTER_MS - Date.now()
    if (left <= 0) {
      setNow(Date.now())
      return
    }
    const timer = setTimeout(() => setNow(Date.now()), left)
    return () => clearTimeout(timer)
  }, [trying, since])
  return {
    status,
    isConnected: status === 'connected',
    subscriptions,
    offline: trying && now - since >= OFFLINE_AFTER_MS,
    retry: context?.retry ?? noRetry,
  }
}

const noRetry = () => undefined
