import type { RealtimeChannel } from '@supabase/supabase-js'
import { privateChannel, subscribeAuthorized } from './private-channel.ts'
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
  /** null for a watcher: it reports who is there without announcing anyone. */
  userId: string | null
  metadata: PresenceMetadata
  handlers: PresenceHandlers<PresenceMetadata>
}

interface Room {
  channel: RealtimeChannel
  trackers: Set<Tracker>
  status: RealtimeStatus
  users: PresenceUser[]
  teardown: ReturnType<typeof setTimeout> | null
  /** Whether this client currently shows someone in the room. */
  tracked: boolean
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
  // A watcher-first room lets the server pick the key; user_id in the payload names the user.
  const channel = privateChannel(client, `presence:${room}`, {
    presence: { key: first.userId ?? '' },
  })
  const entry: Room = {
    channel,
    trackers: new Set(),
    status: 'connecting',
    users: [],
    teardown: null,
    tracked: false,
  }
  const announce = (error: Error | null) => {
    for (const tracker of entry.trackers) tracker.handlers.onStatus?.(entry.status, error)
  }
  channel.on('presence', { event: 'sync' }, () => {
    entry.users = readUsers(channel)
    for (const tracker of entry.trackers) tracker.handlers.onSync?.(entry.users)
  })
  subscribeAuthorized(client, channel, (state, error) => {
    if (state === 'SUBSCRIBED') {
      entry.status = 'connected'
      // A rejoin starts with an empty presence on the server: announce again.
      entry.tracked = false
      void trackLatest(entry)
    } else if (state === 'CLOSED') {
      entry.status = 'disconnected'
    } else {
      // Refused (no permission for this room) or lost: realtime-js keeps retrying.
      entry.status = 'reconnecting'
    }
    announce(error ?? null)
  })
  return entry
}

/**
 * The most recently added tracker's metadata is what this client shows in the room; with only
 * watchers left, it shows no one.
 */
async function trackLatest(entry: Room): Promise<void> {
  if (entry.status !== 'connected') return
  const latest = [...entry.trackers].filter((t) => t.userId !== null).pop()
  if (!latest) {
    if (entry.tracked) {
      entry.tracked = false
      await entry.channel.untrack()
    }
    return
  }
  entry.tracked = true
  await entry.channel.track({
    user_id: latest.userId,
    online_at: new Date().toISOString(),
    metadata: latest.metadata,
  })
}

/**
 * Announces `userId` (with `metadata`) in `room` and reports who else is there. The signed-in
 * user must be allowed to track in the room (see the room helpers above), or the join is refused.
 * @example
 * const leave = trackPresence(supabase, customerRoom(customerId), user.id, { name: 'Olivia' }, {
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
  if (!userId.trim()) throw new TypeError('userId must not be empty')
  return joinRoom(client, room, {
    userId,
    metadata,
    handlers: handlers as PresenceHandlers<PresenceMetadata>,
  })
}

/**
 * Reports who is in `room` without announcing anyone: for rooms the user may only watch (a
 * customer in their organization's room, staff in a customer's portal room).
 * @example
 * const stop = watchPresence(supabase, organizationRoom(orgId), {
 *   onSync: (users) => setTeam(users.filter((u) => u.metadata.kind === 'staff')),
 * })
 */
export function watchPresence<M extends PresenceMetadata>(
  client: Client,
  room: string,
  handlers: PresenceHandlers<M> = {},
): Unsubscribe {
  return joinRoom(client, room, {
    userId: null,
    metadata: {},
    handlers: handlers as PresenceHandlers<PresenceMetadata>,
  })
}

function joinRoom(client: Client, room: string, tracker: Tracker): Unsubscribe {
  if (!room.trim()) throw new TypeError('room must not be empty')
  const { handlers } = tracker
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
  if (current.users.length > 0) handlers.onSync?.(current.users)
  if (tracker.userId !== null) void trackLatest(current)

  let left = false
  return () => {
    if (left) return
    left = true
    current.trackers.delete(tracker)
    handlers.onStatus?.('disconnected', null)
    if (current.trackers.size > 0) {
      if (tracker.userId !== null) void trackLatest(current)
      return
    }
    // Deferred so StrictMode's unmount-then-mount reuses the channel instead of racing its leave.
    current.teardown = setTimeout(() => {
      if (byRoom?.get(room) === current) byRoom.delete(room)
      void client.removeChannel(current.channel)
    }, 0)
  }
}
