'use client'

import { useSyncExternalStore } from 'react'
import type { SubscriptionStatusEntry } from '../core/status-store.ts'
import type { RealtimeStatus } from '../core/types.ts'
import { useRealtimeContext } from './realtime-provider.tsx'

export interface ConnectionStatusState {
  /** connecting / connected / reconnecting / disconnected, worst of all live subscriptions. */
  status: RealtimeStatus
  isConnected: boolean
  subscriptions: readonly SubscriptionStatusEntry[]
}

const noop = () => () => undefined
const NONE: readonly SubscriptionStatusEntry[] = []

/**
 * The page's overall realtime status, from every hook under the RealtimeProvider.
 * @example
 * const { status } = useConnectionStatus()
 * return <ConnectionStatus status={status} variant="badge" />
 */
export function useConnectionStatus(): ConnectionStatusState {
  const store = useRealtimeContext()?.statusStore
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
  return { status, isConnected: status === 'connected', subscriptions }
}
