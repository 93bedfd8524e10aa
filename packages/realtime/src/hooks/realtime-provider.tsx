'use client'

import { createContext, type ReactNode, useContext, useEffect, useState } from 'react'
import { syncRealtimeAuth } from '../core/auth-sync.ts'
import { createStatusStore, type StatusStore } from '../core/status-store.ts'
import type { Client } from '../core/types.ts'
import { loadRealtimeCore } from './use-realtime-core.ts'

export interface RealtimeContextValue {
  /** Null while a client given as a promise is still loading: hooks wait, reporting "connecting". */
  client: Client | null
  statusStore: StatusStore
  /** Default for every hook under this provider (each hook may override it). */
  pauseWhenHidden: boolean
  /** Reconnects the socket now instead of waiting for its next backoff attempt. */
  retry(): void
}

const RealtimeContext = createContext<RealtimeContextValue | null>(null)

export interface RealtimeProviderProps {
  /**
   * The app's browser client (`createClient()` from `@repo/database/client`), or a promise of it:
   * the apps import the Supabase client lazily, so its ~50 kB (gzip) load beside the page instead
   * of before it becomes interactive.
   */
  client: Client | Promise<Client>
  pauseWhenHidden?: boolean
  children: ReactNode
}

/**
 * Gives the realtime hooks their client, collects their statuses for `useConnectionStatus`, and
 * keeps the socket's token current across refreshes.
 */
export function RealtimeProvider({
  client: given,
  pauseWhenHidden = false,
  children,
}: RealtimeProviderProps) {
  const [statusStore] = useState(createStatusStore)
  const [client, setClient] = useState<Client | null>(() =>
    given instanceof Promise ? null : given,
  )
  useEffect(() => {
    // The channel code loads beside the client, not after it.
    void loadRealtimeCore()
    if (!(given instanceof Promise)) {
      setClient(given)
      return
    }
    let live = true
    given.then(
      (loaded) => {
        if (live) setClient(loaded)
      },
      (error: unknown) => console.error('loading the realtime client failed', error),
    )
    return () => {
      live = false
    }
  }, [given])
  useEffect(() => (client ? syncRealtimeAuth(client) : undefined), [client])
  const retry = () => {
    statusStore.retried()
    // A fresh socket now, instead of the next backoff step (connect() alone is a no-op while the
    // old socket waits for its reconnect timer). Channels that failed rejoin once it is open.
    if (client) void client.realtime.disconnect().then(() => client.realtime.connect())
  }
  return (
    <RealtimeContext.Provider value={{ client, statusStore, pauseWhenHidden, retry }}>
      {children}
    </RealtimeContext.Provider>
  )
}

/** The provider's value, or null outside a provider. */
export function useRealtimeContext(): RealtimeContextValue | null {
  return useContext(RealtimeContext)
}

/**
 * The client to use: the explicit one, else the provider's (null while it loads); a clear error
 * outside a provider without an explicit client.
 */
export function useRealtimeClient(explicit?: Client): Client | null {
  const context = useContext(RealtimeContext)
  if (explicit) return explicit
  if (context) return context.client
  throw new Error(
    'No Supabase client for realtime: wrap the tree in <RealtimeProvider client={…}> or pass { client }',
  )
}
