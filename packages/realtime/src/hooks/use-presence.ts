'use client'

import { useEffect, useState } from 'react'
import type { PresenceMetadata, PresenceUser } from '../core/presence.ts'
import type { Client, RealtimeStatus } from '../core/types.ts'
import { useRealtimeClient } from './realtime-provider.tsx'
import { useRealtimeCore } from './use-realtime-core.ts'

export interface PresenceState<M extends PresenceMetadata> {
  onlineUsers: PresenceUser<M>[]
  isConnected: boolean
  status: RealtimeStatus
}

/**
 * Who is in `room` right now, announcing `userId` with `metadata` (null user: just not yet).
 * The room is a private channel: the user must be allowed to track in it.
 * @example
 * const { onlineUsers } = usePresence(customerRoom(customerId), staff.user_id, { name: staff.full_name })
 */
export function usePresence<M extends PresenceMetadata>(
  room: string,
  userId: string | null | undefined,
  metadata: M,
  options: { client?: Client } = {},
): PresenceState<M> {
  const client = useRealtimeClient(options.client)
  const core = useRealtimeCore()
  const [onlineUsers, setOnlineUsers] = useState<PresenceUser<M>[]>([])
  const [status, setStatus] = useState<RealtimeStatus>('disconnected')
  // Content, not identity: an inline `{ name }` object must not re-join on every render.
  const metadataKey = JSON.stringify(metadata)

  useEffect(() => {
    if (!userId || !client || !core) return
    const meta = JSON.parse(metadataKey) as M
    return core.trackPresence(client, room, userId, meta, {
      onSync: setOnlineUsers,
      onStatus: (next) => setStatus(next),
    })
  }, [client, core, room, userId, metadataKey])

  return { onlineUsers, isConnected: status === 'connected', status }
}

/**
 * Who is in `room` right now, without announcing anyone (null room: not yet). For rooms the user
 * may only watch, e.g. a customer in their organization's room.
 * @example
 * const { onlineUsers } = useWatchPresence(organizationRoom(organizationId))
 */
export function useWatchPresence<M extends PresenceMetadata = PresenceMetadata>(
  room: string | null | undefined,
  options: { client?: Client } = {},
): PresenceState<M> {
  const client = useRealtimeClient(options.client)
  const core = useRealtimeCore()
  const [onlineUsers, setOnlineUsers] = useState<PresenceUser<M>[]>([])
  const [status, setStatus] = useState<RealtimeStatus>('disconnected')

  useEffect(() => {
    if (!room || !client || !core) return
    return core.watchPresence<M>(client, room, {
      onSync: setOnlineUsers,
      onStatus: (next) => setStatus(next),
    })
  }, [client, core, room])

  return { onlineUsers, isConnected: status === 'connected', status }
}
