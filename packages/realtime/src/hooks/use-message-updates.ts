'use client'

import { useEffect, useState } from 'react'
import type { MessageCallbacks } from '../core/customer-subscriptions.ts'
import type { MessageRow, RealtimeChange } from '../core/types.ts'
import type { TableHookState } from './use-table-subscription.ts'
import { useLatest } from './use-latest.ts'
import { type RealtimeHookOptions, useRealtimeSubscription } from './use-realtime-subscription.ts'

export interface MessageHookOptions extends MessageCallbacks, RealtimeHookOptions {
  /** The thread as loaded (server render or re-fetch): unread messages are counted from it. */
  initialMessages?: readonly MessageRow[]
  /** Whose messages count as unread for this viewer: the portal counts staff's (default). */
  unreadFrom?: MessageRow['sender_type']
}

export interface MessageHookState extends TableHookState<MessageRow> {
  unreadCount: number
}

function unreadIds(
  messages: readonly MessageRow[] | undefined,
  from: MessageRow['sender_type'],
): Set<string> {
  const ids = new Set<string>()
  for (const message of messages ?? []) {
    if (message.sender_type === from && !message.read_at && !message.deleted_at) ids.add(message.id)
  }
  return ids
}

/**
 * Live messages of a customer's thread, with the number of unread ones.
 * @example
 * const { unreadCount } = useMessageUpdates(customerId, {
 *   initialMessages: messages,
 *   onNewMessage: (message) => setMessages((all) => [...all, message]),
 * })
 */
export function useMessageUpdates(
  customerId: string | null | undefined,
  options: MessageHookOptions = {},
): MessageHookState {
  const handlers = useLatest(options)
  const from = options.unreadFrom ?? 'staff'
  const [latestUpdate, setLatestUpdate] = useState<RealtimeChange<MessageRow> | null>(null)
  const [unread, setUnread] = useState(() => unreadIds(options.initialMessages, from))

  // A fresh thread from the server (first load or a resync) replaces what was counted so far.
  useEffect(() => {
    setUnread(unreadIds(options.initialMessages, from))
  }, [options.initialMessages, from])

  const state = useRealtimeSubscription(
    customerId ? `messages:${customerId}` : null,
    'Messages',
    (client, lifecycle, core) =>
      core.subscribeToMessageUpdates(client, customerId ?? '', {
        ...lifecycle,
        onNewMessage: (message) => handlers.current.onNewMessage?.(message),
        onMessageRead: (message) => handlers.current.onMessageRead?.(message),
        onMessageDeleted: (message) => handlers.current.onMessageDeleted?.(message),
        onMessageUpdated: (message, old) => handlers.current.onMessageUpdated?.(message, old),
        onChange: (change) => {
          setLatestUpdate(change)
          setUnread((current) =>
            nextUnread(current, change, handlers.current.unreadFrom ?? 'staff'),
          )
          handlers.current.onChange?.(change)
        },
      }),
    options,
  )
  return { ...state, latestUpdate, unreadCount: unread.size }
}

function nextUnread(
  current: Set<string>,
  change: RealtimeChange<MessageRow>,
  from: MessageRow['sender_type'],
): Set<string> {
  const row = change.new
  const id = row?.id ?? change.old?.id
  if (!id) return current
  const isUnread = row !== null && row.sender_type === from && !row.read_at && !row.deleted_at
  if (isUnread === current.has(id)) return current
  const next = new Set(current)
  if (isUnread) next.add(id)
  else next.delete(id)
  return next
}
