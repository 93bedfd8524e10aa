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
  const changed = () => {
    snapshot = [...statuses.values()]
    overall = overallStatus(snapshot.map((entry) => entry.status))
    for (const listener of listeners) listener()
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
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
