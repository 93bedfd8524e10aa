import type { MessageSender } from '@repo/database/types'
import { isMessageSender } from '@repo/domain/messages'
import type { RealtimeChannel } from '@supabase/supabase-js'
import { assertUuid } from './uuid.ts'
import { privateChannel, subscribeAuthorized } from './private-channel.ts'
import type { Client, RealtimeStatus, Unsubscribe } from './types.ts'

/** The two sides of a customer's message thread. */
export type TypingSender = MessageSender

/** What one side broadcasts while composing. Nothing is stored: broadcast only. */
export interface TypingPayload {
  sender: TypingSender
  /** Shown to the other side, e.g. "Olivia is typing…". */
  name: string
  /** false when the sender stopped (sent, or cleared the box). */
  typing: boolean
}

/** The broadcast event name; the CRM and the portal must agree on it and on the topic. */
export const TYPING_EVENT = 'typing'

/**
 * The thread's typing topic. Broadcast only reaches clients on the very same topic, so this is
 * not made unique per subscription (unlike the postgres_changes channels). The channel is private:
 * only the customer and staff of the customer's organization may join it or send on it.
 */
export function typingTopic(customerId: string): string {
  return `typing:${assertUuid(customerId, 'customerId')}`
}

export interface TypingHandlers {
  /** The other side's typing events (our own side's are dropped). */
  onTyping?: (payload: TypingPayload) => void
  onStatus?: (status: RealtimeStatus, error: Error | null) => void
}

export interface TypingSubscription {
  /** Broadcasts our state; false (nothing sent) while the channel is not joined. */
  send: (payload: TypingPayload) => boolean
  unsubscribe: Unsubscribe
}

interface Listener {
  self: TypingSender
  handlers: TypingHandlers
}

interface Thread {
  channel: RealtimeChannel
  listeners: Set<Listener>
  status: RealtimeStatus
  teardown: ReturnType<typeof setTimeout> | null
}

// realtime-js hands back one channel per topic and the topic cannot be made unique here, so
// listeners of one thread in one client share the channel; it closes with the last of them.
const threads = new WeakMap<Client, Map<string, Thread>>()

/** The payload comes off the network: accept only the agreed shape. */
function parsePayload(value: unknown): TypingPayload | null {
  if (typeof value !== 'object' || value === null) return null
  const { sender, name, typing } = value as Record<string, unknown>
  if (!isMessageSender(sender)) return null
  if (typeof typing !== 'boolean') return null
  return { sender, name: typeof name === 'string' ? name : '', typing }
}

function openThread(client: Client, topic: string): Thread {
  const channel = privateChannel(client, topic, { broadcast: { self: false } })
  const thread: Thread = { channel, listeners: new Set(), status: 'connecting', teardown: null }
  channel.on('broadcast', { event: TYPING_EVENT }, (message: { payload?: unknown }) => {
    const payload = parsePayload(message.payload)
    if (!payload) return
    for (const listener of thread.listeners) {
      if (payload.sender !== listener.self) listener.handlers.onTyping?.(payload)
    }
  })
  let joinedBefore = false
  subscribeAuthorized(client, channel, (state, error) => {
    if (state === 'SUBSCRIBED') {
      joinedBefore = true
      thread.status = 'connected'
    } else if (state === 'CLOSED') {
      thread.status = 'disconnected'
    } else {
      thread.status = joinedBefore ? 'reconnecting' : 'connecting'
    }
    for (const listener of thread.listeners)
      listener.handlers.onStatus?.(thread.status, error ?? null)
  })
  return thread
}

/**
 * Joins a customer's thread as `self` ('staff' in the CRM, 'customer' in the portal): reports the
 * other side's typing and lets us announce ours.
 * @example
 * const typing = subscribeToTyping(supabase, customerId, 'staff', {
 *   onTyping: ({ name, typing }) => setTypist(typing ? name : null),
 * })
 * typing.send({ sender: 'staff', name: 'Olivia', typing: true })
 */
export function subscribeToTyping(
  client: Client,
  customerId: string,
  self: TypingSender,
  handlers: TypingHandlers = {},
): TypingSubscription {
  const topic = typingTopic(customerId)
  let byTopic = threads.get(client)
  if (!byTopic) {
    byTopic = new Map()
    threads.set(client, byTopic)
  }
  let thread = byTopic.get(topic)
  if (thread?.teardown) {
    clearTimeout(thread.teardown)
    thread.teardown = null
  }
  if (!thread) {
    thread = openThread(client, topic)
    byTopic.set(topic, thread)
  }
  const current = thread
  const listener: Listener = { self, handlers }
  current.listeners.add(listener)
  handlers.onStatus?.(current.status, null)

  let left = false
  return {
    send(payload) {
      if (left || current.status !== 'connected') return false
      void current.channel.send({ type: 'broadcast', event: TYPING_EVENT, payload })
      return true
    },
    unsubscribe() {
      if (left) return
      left = true
      current.listeners.delete(listener)
      handlers.onStatus?.('disconnected', null)
      if (current.listeners.size > 0) return
      // Deferred so StrictMode's unmount-then-mount reuses the channel instead of racing its leave.
      current.teardown = setTimeout(() => {
        if (byTopic?.get(topic) === current) byTopic.delete(topic)
        void client.removeChannel(current.channel)
      }, 0)
    },
  }
}
