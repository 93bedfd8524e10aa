'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { useRealtimeChannel } from '@/live/use-realtime-channel.ts'

/** Channel topic shared with the portal: `typing:<customerId>`, broadcast event `typing`, payload {sender, name, typing}. */
export const typingTopic = (customerId: string) => `typing:${customerId}`

/**
 * Typing over broadcast (nothing is stored): `othersTyping` is true for a few seconds after the
 * customer's last keystroke event; `notifyTyping` tells the customer that staff is typing.
 */
export function useTypingIndicator(customerId: string, self: 'staff' | 'customer', name: string) {
  const [othersTyping, setOthersTyping] = useState(false)
  const clear = useRef<ReturnType<typeof setTimeout> | null>(null)
  const lastSent = useRef(0)
  const { channel } = useRealtimeChannel(typingTopic(customerId), (ch) => {
    ch.on('broadcast', { event: 'typing' }, (message: { payload?: { sender?: string; typing?: boolean } }) => {
      if (!message.payload || message.payload.sender === self) return
      if (clear.current) clearTimeout(clear.current)
      if (message.payload.typing === false) {
        setOthersTyping(false)
        return
      }
      setOthersTyping(true)
      if (clear.current) clearTimeout(clear.current)
      clear.current = setTimeout(() => setOthersTyping(false), 4000)
    })
  }, { sharedTopic: true })
  useEffect(() => () => {
    if (clear.current) clearTimeout(clear.current)
  }, [])
  const notifyTyping = useCallback(() => {
    const now = Date.now()
    if (!channel || now - lastSent.current < 1500) return
    lastSent.current = now
    void channel.send({ type: 'broadcast', event: 'typing', payload: { sender: self, name, typing: true } })
  }, [channel, self, name])
  return { othersTyping, notifyTyping, stopTyping: () => setOthersTyping(false) }
}
