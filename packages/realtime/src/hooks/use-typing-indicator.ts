'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import type { TypingSender, TypingSubscription } from '../core/typing.ts'
import type { Client, RealtimeStatus } from '../core/types.ts'
import { useRealtimeClient } from './realtime-provider.tsx'
import { useRealtimeCore } from './use-realtime-core.ts'

export interface TypingIndicatorOptions {
  /** Our side of the thread: our own side's events are never shown back to us. */
  sender: TypingSender
  /** Our name as the other side will see it. */
  name: string
  /** How long the other side counts as typing after their last event. Default 3000 ms. */
  idleMs?: number
  /** Announce "still typing" at most this often. Default 1000 ms (well inside `idleMs`). */
  throttleMs?: number
  /** Use this client instead of the RealtimeProvider's. */
  client?: Client
}

export interface TypingIndicatorState {
  /** The other side's name while they are typing ('' if they sent none), else null. */
  typistName: string | null
  /**
   * Call on every keystroke with whether the box has text. Throttled; "stopped" is sent only
   * after "typing" was.
   */
  notifyTyping: (typing?: boolean) => void
  /** Hide the indicator now, e.g. when the other side's message has just arrived. */
  clearTyping: () => void
  isConnected: boolean
  status: RealtimeStatus
}

/**
 * Who is typing in a customer's message thread, over broadcast (nothing is stored). The CRM joins
 * as 'staff' and the portal as 'customer' on the same topic, so each sees the other. Not counted
 * in `useConnectionStatus`: typing is a courtesy, not data a view could be stale about.
 * @example
 * const { typistName, notifyTyping } = useTypingIndicator(customerId, { sender: 'customer', name })
 * <textarea onChange={(e) => notifyTyping(e.target.value.length > 0)} />
 * {typistName !== null ? <p>{typistName || 'The team'} is typing…</p> : null}
 */
export function useTypingIndicator(
  customerId: string | null | undefined,
  options: TypingIndicatorOptions,
): TypingIndicatorState {
  const { sender, name, idleMs = 3_000, throttleMs = 1_000 } = options
  const client = useRealtimeClient(options.client)
  const core = useRealtimeCore()
  const [typistName, setTypistName] = useState<string | null>(null)
  const [status, setStatus] = useState<RealtimeStatus>('disconnected')
  const subscription = useRef<TypingSubscription | null>(null)
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const lastSent = useRef(0)

  const clearTyping = useCallback(() => {
    if (idleTimer.current) clearTimeout(idleTimer.current)
    idleTimer.current = null
    setTypistName(null)
  }, [])

  useEffect(() => {
    if (!customerId || !client || !core) return
    const current = core.subscribeToTyping(client, customerId, sender, {
      onStatus: (next) => setStatus(next),
      onTyping: (payload) => {
        if (idleTimer.current) clearTimeout(idleTimer.current)
        idleTimer.current = null
        if (!payload.typing) {
          setTypistName(null)
          return
        }
        setTypistName(payload.name)
        // Their "stopped" can be lost (tab closed), so typing also ends after a quiet spell.
        idleTimer.current = setTimeout(() => setTypistName(null), idleMs)
      },
    })
    subscription.current = current
    lastSent.current = 0
    return () => {
      current.unsubscribe()
      if (subscription.current === current) subscription.current = null
      if (idleTimer.current) clearTimeout(idleTimer.current)
      idleTimer.current = null
      setTypistName(null)
    }
  }, [client, core, customerId, sender, idleMs])

  const notifyTyping = useCallback(
    (typing = true) => {
      const now = Date.now()
      if (typing && now - lastSent.current < throttleMs) return
      // lastSent 0 means "not announced as typing", so a stop is only sent after a start.
      if (!typing && lastSent.current === 0) return
      const sent = subscription.current?.send({ sender, name, typing }) ?? false
      if (sent) lastSent.current = typing ? now : 0
    },
    [sender, name, throttleMs],
  )

  return { typistName, notifyTyping, clearTyping, isConnected: status === 'connected', status }
}
