'use client'

import { createContext, type ReactNode, useContext, useEffect, useState } from 'react'
import { syncRealtimeAuth } from '../core/auth-sync.ts'
import { createStatusStore, type StatusStore } from '../core/status-store.ts'
import type { Client } from '../core/types.ts'

export interface RealtimeContextValue {
  client: Client
  statusStore: StatusStore
  /** Default for every hook under this provider (each hook may override it). */
  pauseWhenHidden: boolean
  /** Reconnects the socket now instead of waiting for its next backoff attempt. */
  retry(): void
}

const RealtimeContext = createContext<RealtimeContextValue | null>(null)

export interface RealtimeProviderProps {
  /** The app's browser client (`createClient()` from `@repo/database/client`). */
  client: Client
  pauseWhenHidden?: boolean
  children: ReactNode
}

/**
 * Gives the realtime hooks their client, collects their statuses for `useConnectionStatus`, and
 * keeps the socket's token current across refreshes.
 */
export function RealtimeProvider({
  client,
  pauseWhenHidden = false,
  children,
}: RealtimeProviderProps) {
  const [statusStore] = useState(createStatusStore)
  useEffect(() => syncRealtimeAuth(client), [client])
  const retry = () => {
    statusStore.retried()
    // A fresh socket now, instead of the next backoff step (connect() alone is a no-op while the
    // old socket waits for its reconnect timer). Channels that failed rejoin once it is open.
    void client.realtime.disconnect().then(() => client.realtime.connect())
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

/** The client to use: the explicit one, else the provider's; a clear error if neither exists. */
export function useRealtimeClient(explicit?: Client): Client {
  const context = useContext(RealtimeContext)
  const client = explicit ?? context?.client
  if (!client) {
    throw new Error(
      'No Supabase client for realtime: wrap the tree in <RealtimeProvider client={…}> or pass { client }',
    )
  }
  return client
}
