import type { RealtimeChannel } from '@supabase/supabase-js'
import type { Client, RealtimeStatus, Unsubscribe } from './types.ts'

export type PresenceMetadata = Record<string, string | number | boolean | null>

/** One person in a room; several tabs of one user collapse into one entry. */
export interface PresenceUser<M extends PresenceMetadata = PresenceMetadata> {
  userId: string
  onlineAt: string
  metadata: M
}

export interface PresenceHandlers<M extends PresenceMetadata> {
  onSync?: (users: PresenceUser<M>[]) => void
  onStatus?: (status: RealtimeStatus, error: Error | null) => void
}

interface Tracker {
  userId: string
  metadata: PresenceMetadata
  handlers: PresenceHandlers<PresenceMetadata>
}

interface Room {
  channel: RealtimeChannel
  trackers: Set<Tracker>
  status: RealtimeStatus
  users: PresenceUser[]
  teardown: ReturnType<typeof setTimeout> | null
}

// Presence needs the same topic on every client, and realtime-js hands back one channel per topic,
// so trackers of one room in one client share the channel and it closes with the last of them.
const rooms = new WeakMap<Client, Map<string, Room>>()

function readUsers(channel: RealtimeChannel): PresenceUser[] {
  const state = channel.presenceState<{
    user_id?: string
    online_at?: string
    metadata?: PresenceMetadata
  }>()
  const users: PresenceUser[] = []
  for (const [key, metas] of Object.entries(state)) {
    const latest = metas[metas.length - 1]
    if (!latest) continue
    users.push({
      userId: latest.user_id ?? key,
      onlineAt: latest.online_at ?? '',
      metadata: latest.metadata ?? {},
    })
  }
  return users.sort((a, b) => a.userId.localeCompare(b.userId))
}

function openRoom(client: Client, room: string, first: Tracker): Room {
  const channel = client.channel(`presence:${room}`, {
    config: { presence: { key: first.userId } },
  })
  const entry: Room = {
    channel,
    trackers: new Set(),
    status: 'connecting',
    users: [],
    teardown: null,
  }
  const announce = () => {
    for (const tracker of entry.trackers) tracker.handlers.onStatus?.(entry.status, null)
  }
  channel.on('presence', { event: 'sync' }, () => {
    entry.users = readUsers(channel)
    for (const tracker of entry.trackers) tracker.handlers.onSync?.(entry.users)
  })
  channel.subscribe((state) => {
    if (state === 'SUBSCRIBED') {
      entry.status = 'connected'
      void trackLatest(entry)
    } else if (state === 'CLOSED') {
      entry.status = 'disconnected'
    } else {
      entry.status = 'reconnecting'
    }
    announce()
  })
  return entry
}

/** The most recently added tracker's metadata is what this client shows in the room. */
async function trackLatest(entry: Room): Promise<void> {
  const latest = [...entry.trackers].pop()
  if (!latest || entry.status !== 'connected') return
  await entry.channel.track({
    user_id: latest.userId,
    online_at: new Date().toISOString(),
    metadata: latest.metadata,
  })
}

/**
 * Announces `userId` (with `metadata`) in `room` and reports who else is there.
 * @example
 * const leave = trackPresence(supabase, `job:${jobId}`, user.id, { name: 'Olivia' }, {
 *   onSync: (users) => setViewers(users),
 * })
 */
export function trackPresence<M extends PresenceMetadata>(
  client: Client,
  room: string,
  userId: string,
  metadata: M,
  handlers: PresenceHandlers<M> = {},
): Unsubscribe {
  if (!room.trim()) throw new TypeError('room must not be empty')
  if (!userId.trim()) throw new TypeError('userId must not be empty')
  const tracker: Tracker = {
    userId,
    metadata,
    handlers: handlers as PresenceHandlers<PresenceMetadata>,
  }
  let byRoom = rooms.get(client)
  if (!byRoom) {
    byRoom = new Map()
    rooms.set(client, byRoom)
  }
  let entry = byRoom.get(room)
  if (entry?.teardown) {
    clearTimeout(entry.teardown)
    entry.teardown = null
  }
  if (!entry) {
    entry = openRoom(client, room, tracker)
    byRoom.set(room, entry)
  }
  const current = entry
  current.trackers.add(tracker)
  handlers.onStatus?.(current.status, null)
  if (current.users.length > 0) handlers.onSync?.(current.users as PresenceUser<M>[])
  void trackLatest(current)

  let left = false
  return () => {
    if (left) return
    left = true
    current.trackers.delete(tracker)
    handlers.onStatus?.('disconnected', null)
    if (current.trackers.size > 0) {
      void trackLatest(current)
      return
    }
    // Deferred so StrictMode's unmount-then-mount reuses the channel instead of racing its leave.
    current.teardown = setTimeout(() => {
      if (byRoom?.get(room) === current) byRoom.delete(room)
      void client.removeChannel(current.channel)
    }, 0)
  }
}
