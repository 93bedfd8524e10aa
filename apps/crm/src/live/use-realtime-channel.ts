'use client'

import type { RealtimeChannel } from '@supabase/supabase-js'
import { useEffect, useRef, useState } from 'react'
import { useBrowserClient } from './browser-client.ts'

export type LiveStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected'

let sequence = 0
// realtime-js returns the same channel object for a repeated topic; StrictMode's second mount
// must get its own channel, so every subscription gets a unique suffix.
function uniqueTopic(base: string): string {
  sequence += 1
  return `${base}:${sequence.toString(36)}${Math.random().toString(36).slice(2, 7)}`
}

export interface ChannelOptions {
  /** Called after a rejoin: events during the outage are not replayed, so re-fetch. */
  onResync?: () => void
  /** Presence key for this client, when the channel tracks presence. */
  presenceKey?: string
  /** Channel-level config for broadcast (self delivery off by default). */
  broadcastSelf?: boolean
  /** Use `key` as the exact topic: broadcast only reaches clients on the very same topic. */
  sharedTopic?: boolean
}

/**
 * Opens one realtime channel for the lifetime of the component (or until `key` changes).
 * `setup` adds bindings before subscribe; it and the callbacks are read through refs, so a
 * re-render never re-subscribes. Returns the live status and the channel (for send/track).
 */
export function useRealtimeChannel(
  key: string | null,
  setup: (channel: RealtimeChannel) => void,
  options: ChannelOptions = {},
): { status: LiveStatus; channel: RealtimeChannel | null } {
  const client = useBrowserClient()
  const setupRef = useRef(setup)
  const optionsRef = useRef(options)
  setupRef.current = setup
  optionsRef.current = options
  const [status, setStatus] = useState<LiveStatus>('connecting')
  const [channel, setChannel] = useState<RealtimeChannel | null>(null)

  useEffect(() => {
    if (!key) return
    let joinedBefore = false
    const { presenceKey, broadcastSelf, sharedTopic } = optionsRef.current
    const current = client.channel(sharedTopic ? key : uniqueTopic(key), {
      config: { broadcast: { self: broadcastSelf ?? false }, ...(presenceKey ? { presence: { key: presenceKey } } : {}) },
    })
    setupRef.current(current)
    setStatus('connecting')
    current.subscribe((state) => {
      if (state === 'SUBSCRIBED') {
        setStatus('connected')
        if (joinedBefore) optionsRef.current.onResync?.()
        joinedBefore = true
        setChannel(current)
      } else if (state === 'CLOSED') {
        setStatus('disconnected')
      } else {
        setStatus(joinedBefore ? 'reconnecting' : 'connecting')
      }
    })
    return () => {
      setChannel(null)
      void client.removeChannel(current)
    }
  }, [client, key])

  return { status, channel }
}
