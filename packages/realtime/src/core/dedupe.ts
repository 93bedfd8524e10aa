/**
 * Remembers recently delivered changes so a change seen twice (a rejoin racing a delivery, two
 * bindings matching one row) reaches the handlers once. Bounded: old keys are forgotten first.
 */
export interface Deduper {
  /** True when this key was seen before; records it otherwise. */
  seen(key: string): boolean
}

export function createDeduper(capacity = 500): Deduper {
  const keys = new Set<string>()
  return {
    seen(key) {
      if (keys.has(key)) return true
      keys.add(key)
      if (keys.size > capacity) {
        const oldest = keys.values().next().value
        if (oldest !== undefined) keys.delete(oldest)
      }
      return false
    },
  }
}

/** Identity of one delivered change: same commit, same table, same row content. */
export function changeKey(payload: {
  table: string
  eventType: string
  commit_timestamp: string
  new: unknown
  old: unknown
}): string {
  return [
    payload.table,
    payload.eventType,
    payload.commit_timestamp,
    JSON.stringify(payload.new),
    JSON.stringify(payload.old),
  ].join('|')
}
