'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { usePortalLive } from '../live/portal-live-context'

/** The thread's typing channel; the CRM joins the same topic with sender 'staff'. */
export function typingTopic(customerId: string): string {
  return `typing:${customerId}`
}

export interface TypingPayload {
  sender: 'customer' | 'staff'
  name: string
  typing: boolean
}

const IDLE_MS = 3000

/**
 * Broadcast-only typing indicator: nothing is stored. Announces our typing at most once a second
 * and shows the business as typing until they stop or go quiet for a few seconds.
 */
export function useTypingIndicator() {
  const { supabase, customerId, customerName } = usePortalLive()
  const [staffTyping, setStaffTyping] = useState<string | null>(null)
  const channelRef = useRef<ReturnType<typeof supabase.channel> | null>(null)
  const lastSent = useRef(0)

  useEffect(() => {
    let clearTimer: ReturnType<typeof setTimeout> | undefined
    const channel = supabase.channel(typingTopic(customerId), { config: { broadcast: { self: false } } })
    channel
      .on('broadcast', { event: 'typing' }, ({ payload }: { payload: TypingPayload }) => {
        if (payload.sender !== 'staff') return
        clearTimeout(clearTimer)
        setStaffTyping(payload.typing ? payload.name || 'The team' : null)
        if (payload.typing) clearTimer = setTimeout(() => setStaffTyping(null), IDLE_MS)
      })
      .subscribe()
    channelRef.current = channel
    return () => {
      clearTimeout(clearTimer)
      channelRef.current = null
      void supabase.removeChannel(channel)
    }
  }, [supabase, customerId])

  const notifyTyping = useCallback(
    (typing: boolean) => {
      const now = Date.now()
      if (typing && now - lastSent.current < 1000) return
      lastSent.current = typing ? now : 0
      const payload: TypingPayload = { sender: 'customer', name: customerName, typing }
      void channelRef.current?.send({ type: 'broadcast', event: 'typing', payload })
    },
    [customerName],
  )

  return { staffTyping, notifyTyping }
}
