import type { RealtimeStatus } from './types.ts'

/** Collects the status of every live subscription on a page into one overall status. */
export interface SubscriptionStatusEntry {
  id: string
  /** Human name shown by MultiSubscriptionStatus, e.g. "Appointments". */
  label: string
  status: RealtimeStatus
}

export interface StatusStore {
  set(id: string, status: RealtimeStatus, label?: string): void
  remove(id: string): void
  /** Worst status first: reconnecting, then disconnected, then connecting; connected when all are. */
  overall(): RealtimeStatus
  /** Each subscription's status; a new array only when something changed. */
  entries(): readonly SubscriptionStatusEntry[]
  /** When the page last was live, or last started trying again (ms since the epoch). */
  lastLiveOrRetry(): number
  /** Counts a retry as a fresh start for `lastLiveOrRetry`. */
  retried(): void
  subscribe(listener: () => void): () => void
}

const SEVERITY: Record<RealtimeStatus, number> = {
  connected: 0,
  connecting: 1,
  disconnected: 2,
  reconnecting: 3,
}

export function overallStatus(statuses: Iterable<RealtimeStatus>): RealtimeStatus {
  let worst: RealtimeStatus | null = null
  for (const status of statuses)
    if (worst === null || SEVERITY[status] > SEVERITY[worst]) worst = status
  return worst ?? 'disconnected'
}

export function createStatusStore(): StatusStore {
  const statuses = new Map<string, SubscriptionStatusEntry>()
  const listeners = new Set<() => void>()
  let snapshot: readonly SubscriptionStatusEntry[] = []
  let overall: RealtimeStatus = 'disconnected'
  let liveOrRetry = Date.now()
  const notify = () => {
    for (const listener of listeners) listener()
  }
  const changed = () => {
    snapshot = [...statuses.values()]
    const was = overall
    overall = overallStatus(snapshot.map((entry) => entry.status))
    // Live now, or just stopped being live: the clock for "offline" starts here.
    if (overall === 'connected' || was === 'connected') liveOrRetry = Date.now()
    notify()
  }
  return {
    set(id, status, label = 'Live updates') {
      const existing = statuses.get(id)
      if (existing?.status === status && existing.label === label) return
      statuses.set(id, { id, label, status })
      changed()
    },
    remove(id) {
      if (statuses.delete(id)) changed()
    },
    overall: () => overall,
    entries: () => snapshot,
    lastLiveOrRetry: () => liveOrRetry,
    retried() {
      liveOrRetry = Date.now()
      notify()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
