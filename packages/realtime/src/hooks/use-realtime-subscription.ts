'use client'

import { useEffect, useId, useState } from 'react'
import type { Client, RealtimeStatus, SubscriptionLifecycle, Unsubscribe } from '../core/types.ts'
import { useRealtimeClient, useRealtimeContext } from './realtime-provider.tsx'
import { useLatest } from './use-latest.ts'
import { type RealtimeCore, useRealtimeCore } from './use-realtime-core.ts'

/** Options every realtime hook accepts next to its callbacks. */
export interface RealtimeHookOptions {
  /** Use this client instead of the RealtimeProvider's. */
  client?: Client
  /** Called when the channel is live again after an outage or pause: re-fetch here. */
  onResync?: () => void
  /** Leave while the tab is hidden; rejoin (and resync) when it is shown again. */
  pauseWhenHidden?: boolean
  /** Set false to hold off subscribing (e.g. while an id is loading). Default true. */
  enabled?: boolean
}

/** What every realtime hook returns. */
export interface RealtimeHookState {
  isConnected: boolean
  status: RealtimeStatus
  error: Error | null
}

type Open = (
  client: Client,
  lifecycle: Required<Pick<SubscriptionLifecycle, 'onStatus' | 'onResync'>> & SubscriptionLifecycle,
  core: RealtimeCore,
) => Unsubscribe

/**
 * The shared lifecycle of the hooks: subscribe when `key` (what the subscription is about) or the
 * client changes, never because callbacks changed; unsubscribe on unmount; report status.
 */
export function useRealtimeSubscription(
  key: string | null,
  label: string,
  open: Open,
  options: RealtimeHookOptions,
): RealtimeHookState {
  const context = useRealtimeContext()
  const client = useRealtimeClient(options.client)
  const core = useRealtimeCore()
  const pauseWhenHidden = options.pauseWhenHidden ?? context?.pauseWhenHidden ?? false
  const active = key !== null && options.enabled !== false
  const openRef = useLatest(open)
  const resyncRef = useLatest(options.onResync)
  const [state, setState] = useState<RealtimeHookState>({
    isConnected: false,
    status: active ? 'connecting' : 'disconnected',
    error: null,
  })
  const id = useId()
  const store = context?.statusStore

  useEffect(() => {
    if (!active) {
      setState({ isConnected: false, status: 'disconnected', error: null })
      return
    }
    // The provider's client or the channel code is still loading: stay "connecting" until both are.
    if (!client || !core) return
    return openRef.current(
      client,
      {
        pauseWhenHidden,
        onStatus: (status, error) =>
          setState({ isConnected: status === 'connected', status, error }),
        onResync: () => resyncRef.current?.(),
      },
      core,
    )
  }, [client, core, key, active, pauseWhenHidden, openRef, resyncRef])

  useEffect(() => {
    if (!store) return
    if (active) store.set(id, state.status, label)
    else store.remove(id)
  }, [store, id, state.status, label, active])
  useEffect(() => (store ? () => store.remove(id) : undefined), [store, id])

  return state
}
