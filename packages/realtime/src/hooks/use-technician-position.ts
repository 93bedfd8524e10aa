'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import type {
  PositionMessage,
  TechnicianPositionSubscription,
} from '../core/technician-position.ts'
import type { Client, RealtimeStatus } from '../core/types.ts'
import { useRealtimeClient } from './realtime-provider.tsx'
import { useRealtimeCore } from './use-realtime-core.ts'

export interface TechnicianPositionOptions {
  /** The last known position from the server render (`job_positions`), shown until a live one. */
  initial?: PositionMessage | null
  /**
   * Reads the last known position (`job_positions`) each time the channel is joined: a position
   * broadcast before the join is not sent again until the technician moves.
   */
  loadLatest?: () => Promise<PositionMessage | null>
  /** Use this client instead of the RealtimeProvider's. */
  client?: Client
}

export interface TechnicianPositionState {
  /** The latest position heard (or the initial one), else null. */
  position: PositionMessage | null
  /** Broadcasts our position (the technician's side); false while the channel is not joined. */
  send: (position: PositionMessage) => boolean
  isConnected: boolean
  status: RealtimeStatus
}

/**
 * The live position of the technician on the way to `jobId` (null: not listening). The customer's
 * portal and the office listen; the technician's phone sends through `send`.
 * @example
 * const { position } = useTechnicianPosition(job.status === 'en_route' ? job.id : null)
 */
export function useTechnicianPosition(
  jobId: string | null | undefined,
  options: TechnicianPositionOptions = {},
): TechnicianPositionState {
  const client = useRealtimeClient(options.client)
  const core = useRealtimeCore()
  const [position, setPosition] = useState<PositionMessage | null>(options.initial ?? null)
  const [status, setStatus] = useState<RealtimeStatus>('disconnected')
  const subscription = useRef<TechnicianPositionSubscription | null>(null)
  const loadLatest = useRef(options.loadLatest)
  loadLatest.current = options.loadLatest

  useEffect(() => {
    if (options.initial) setPosition((current) => newer(current, options.initial ?? null))
  }, [options.initial])

  useEffect(() => {
    if (!jobId || !client || !core) return
    const current = core.subscribeToTechnicianPosition(client, jobId, {
      onStatus: (next) => {
        setStatus(next)
        if (next !== 'connected' || !loadLatest.current) return
        loadLatest.current().then(
          (latest) => setPosition((previous) => newer(previous, latest)),
          () => {}, // The live channel still delivers the next position.
        )
      },
      onPosition: (next) => setPosition((previous) => newer(previous, next)),
    })
    subscription.current = current
    return () => {
      current.unsubscribe()
      if (subscription.current === current) subscription.current = null
      setStatus('disconnected')
    }
  }, [client, core, jobId])

  const send = useCallback((next: PositionMessage) => subscription.current?.send(next) ?? false, [])
  return { position, send, isConnected: status === 'connected', status }
}

/** Positions can arrive out of order (a retry, the server render): keep the most recent fix. */
function newer(a: PositionMessage | null, b: PositionMessage | null): PositionMessage | null {
  if (!a) return b
  if (!b) return a
  return Date.parse(b.recordedAt) >= Date.parse(a.recordedAt) ? b : a
}
