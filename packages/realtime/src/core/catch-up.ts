import type { ChangeFeedScope } from '@repo/database/repositories'
import type { ChangeFeedRow } from '@repo/database/types'
import type { CatchUpOptions, CatchUpSummary, Client } from './types.ts'

// The feed reads (with @repo/database's validation and errors) load with the first read, once the
// socket has joined, not with every page that subscribes.
const feedReads = () => import('@repo/database/repositories/change-feed')

/** Missed entries a catch-up applies at most; beyond this the view re-fetches (`onResync`). */
export const DEFAULT_CATCH_UP_MAX_ENTRIES = 5_000
/** Entries per REST read (the repository caps it at 1,000). */
export const DEFAULT_CATCH_UP_PAGE_SIZE = 500
/**
 * A change committed just after a join can miss the server's new binding, so the feed is read a
 * second time this long after the first read, before live events are trusted again.
 */
export const DEFAULT_CATCH_UP_SETTLE_MS = 750

/** Feed ids remembered as delivered (live or caught up), to drop the same change seen twice. */
const REMEMBERED_IDS = 10_000
/** How long a row event dropped during catch-up waits for its feed entry after it. */
const DROPPED_ROW_TTL_MS = 10_000

export interface FeedCatchUpConfig {
  client: Client
  scope: ChangeFeedScope
  /** Only entries of these tables (and this record) are this subscription's. */
  tables?: readonly string[]
  recordId?: string
  options: CatchUpOptions
  /**
   * Hands missed entries (in id order) to the view as its normal events. A row-carrying
   * subscription reads the current rows here; the change feed's own subscribers get the entries.
   */
  deliver(entries: readonly ChangeFeedRow[]): Promise<void> | void
  /** The full re-fetch, when the gap cannot be filled. */
  onResync(): void
  onCatchUpStart?: () => void
  onCatchUp?: (summary: CatchUpSummary) => void
  /**
   * True when live row events are delivered by a separate binding (the portal's channel): while
   * catching up they are dropped, and their feed entries deliver them instead, in order.
   */
  rowsLive?: boolean
}

export interface FeedCatchUp {
  /** Whether an entry belongs to this subscription (table and record filters). */
  matches(entry: Pick<ChangeFeedRow, 'table_name' | 'record_id'>): boolean
  /**
   * A live feed entry. Returns true when the caller should deliver it now (a feed subscriber);
   * false when it was already delivered, is held until the catch-up ends, or is delivered here.
   */
  onLiveEntry(entry: ChangeFeedRow): boolean
  /** A live row event: false while catching up (its feed entry will deliver it). */
  acceptRow(table: string, recordId: string, event: string): boolean
  /** The channel joined (`rejoin` after an outage or pause): set the anchor or catch up. */
  onJoin(rejoin: boolean): void
  /** Runs `fn` after every delivery already queued, so events reach the view in order. */
  inOrder(fn: () => void): void
  stop(): void
}

type Key = string
const keyOf = (table: string, recordId: string, event: string): Key =>
  `${table}|${recordId}|${event}`

/** Thrown inside a run when the gap cannot be filled from the feed. */
class Unfillable extends Error {}

/**
 * Exact catch-up from the change feed after a rejoin: the last feed id seen is the anchor; on a
 * rejoin the entries after it are read (paged, in id order) under RLS and delivered as normal
 * events, live events arriving meanwhile are held and merged by id, and nothing is delivered
 * twice. When the anchor is gone (pruned), the gap is larger than `maxEntries` or a read fails,
 * `onResync` (the full re-fetch) runs instead and the anchor moves to the feed's head.
 */
export function createFeedCatchUp(config: FeedCatchUpConfig): FeedCatchUp {
  const maxEntries = config.options.maxEntries ?? DEFAULT_CATCH_UP_MAX_ENTRIES
  const pageSize = Math.min(config.options.pageSize ?? DEFAULT_CATCH_UP_PAGE_SIZE, 1000)
  const settleMs = config.options.settleMs ?? DEFAULT_CATCH_UP_SETTLE_MS
  const filters = { tables: config.tables, recordId: config.recordId }
  let anchor: number | null = null
  let catchingUp = false
  let run = 0
  let stopped = false
  let held: ChangeFeedRow[] = []
  const delivered = new Set<number>()
  /** Row events dropped while catching up, waiting for their feed entry. */
  const droppedRows = new Map<Key, number[]>()
  let chain: Promise<void> = Promise.resolve()
  let pending = 0

  const inOrder = (fn: () => void | Promise<void>) => {
    if (pending === 0) {
      // Nothing queued: deliver synchronously, as live events always were.
      const result = fn()
      if (!(result instanceof Promise)) return
      pending += 1
      chain = result
        .catch(() => undefined)
        .finally(() => {
          pending -= 1
        })
      return
    }
    pending += 1
    chain = chain
      .then(() => (stopped ? undefined : fn()))
      .catch(() => undefined)
      .finally(() => {
        pending -= 1
      })
  }

  const remember = (id: number) => {
    delivered.add(id)
    if (delivered.size > REMEMBERED_IDS) {
      const oldest = delivered.values().next().value
      if (oldest !== undefined) delivered.delete(oldest)
    }
    if (anchor === null || id > anchor) anchor = id
  }

  const matches: FeedCatchUp['matches'] = (entry) =>
    (!config.tables || config.tables.includes(entry.table_name)) &&
    (!config.recordId || entry.record_id === config.recordId)

  /** Delivers entries not delivered yet, in id order. */
  const deliverNew = async (entries: readonly ChangeFeedRow[]) => {
    const fresh = [...entries]
      .filter((e) => !delivered.has(e.id) && matches(e))
      .sort((a, b) => a.id - b.id)
    const unique = fresh.filter((e, i) => i === 0 || fresh[i - 1]?.id !== e.id)
    for (const entry of unique) {
      remember(entry.id)
      // The row event this entry stands for was dropped while catching up: this delivers it.
      const key = keyOf(entry.table_name, entry.record_id, entry.event_type)
      const waiting = droppedRows.get(key)
      if (waiting) {
        waiting.shift()
        if (waiting.length === 0) droppedRows.delete(key)
      }
    }
    if (unique.length > 0 && !stopped) await config.deliver(unique)
    return unique.length
  }

  const readAfter = async (from: number, checkAnchor: boolean, current: number) => {
    const entries: ChangeFeedRow[] = []
    let fromId = checkAnchor ? from : from + 1
    for (;;) {
      const { listChangeFeedPage } = await feedReads()
      const page = await listChangeFeedPage(config.client, config.scope, {
        fromId,
        limit: pageSize,
        ...filters,
      })
      if (run !== current || stopped) return entries
      if (checkAnchor && fromId === from && from > 0) {
        // The anchor itself must still be there: if it was pruned, so may be what followed it.
        if (page[0]?.id !== from) throw new Unfillable('the last seen entry is no longer kept')
      }
      entries.push(...page.filter((e) => e.id !== from || !checkAnchor))
      if (entries.length > maxEntries) throw new Unfillable('too many missed changes')
      const last = page.at(-1)
      if (page.length < pageSize || !last) return entries
      fromId = last.id + 1
    }
  }

  const finish = (current: number) => {
    if (run !== current) return
    catchingUp = false
    const rest = held
    held = []
    if (rest.length > 0) void deliverInOrder(rest)
    const now = Date.now()
    for (const [key, times] of droppedRows) {
      const alive = times.filter((t) => now - t < DROPPED_ROW_TTL_MS)
      if (alive.length === 0) droppedRows.delete(key)
      else droppedRows.set(key, alive)
    }
  }

  /** Delivers after everything queued before; resolves with how many were new. */
  const deliverInOrder = (entries: readonly ChangeFeedRow[]) =>
    new Promise<number>((resolve) => {
      if (stopped) return resolve(0)
      inOrder(() => deliverNew(entries).then(resolve, () => resolve(0)))
    })

  const catchUp = async (current: number) => {
    const from = anchor
    let count = 0
    try {
      if (from === null) throw new Unfillable('no entry was seen before the outage')
      const first = await readAfter(from, true, current)
      if (run !== current || stopped) return
      count += await deliverInOrder(first)
      // Changes committed while the server was still attaching the new binding.
      await new Promise((resolve) => setTimeout(resolve, settleMs))
      if (run !== current || stopped) return
      const second = await readAfter(anchor ?? from, false, current)
      if (run !== current || stopped) return
      count += await deliverInOrder(second)
      if (run !== current || stopped) return
      finish(current)
      config.onCatchUp?.({ complete: true, delivered: count, fromId: from, toId: anchor ?? from })
    } catch {
      if (run !== current || stopped) return
      // Unfillable, or the feed could not be read: fall back to the full re-fetch.
      held = []
      droppedRows.clear()
      try {
        const { latestChangeId } = await feedReads()
        const head = await latestChangeId(config.client, config.scope, filters)
        if (run !== current || stopped) return
        if (anchor === null || head > anchor) anchor = head
      } catch {
        // The next rejoin falls back again; live entries move the anchor meanwhile.
      }
      catchingUp = false
      config.onCatchUp?.({
        complete: false,
        delivered: count,
        fromId: from ?? 0,
        toId: anchor ?? 0,
      })
      config.onResync()
    }
  }

  return {
    matches,
    onLiveEntry(entry) {
      if (stopped || !matches(entry) || delivered.has(entry.id)) return false
      if (catchingUp) {
        held.push(entry)
        return false
      }
      const key = keyOf(entry.table_name, entry.record_id, entry.event_type)
      if (config.rowsLive && droppedRows.has(key)) {
        // Its row event came while catching up and was dropped: deliver it from the feed.
        inOrder(() => deliverNew([entry]).then(() => undefined))
        return false
      }
      remember(entry.id)
      return !config.rowsLive
    },
    acceptRow(table, recordId, event) {
      if (!catchingUp) return true
      const key = keyOf(table, recordId, event)
      droppedRows.set(key, [...(droppedRows.get(key) ?? []), Date.now()])
      return false
    },
    onJoin(rejoin) {
      if (stopped) return
      run += 1
      const current = run
      if (!rejoin) {
        if (anchor !== null) return
        void feedReads()
          .then(({ latestChangeId }) => latestChangeId(config.client, config.scope, filters))
          .then(
            (head) => {
              if (!stopped && (anchor === null || head > anchor)) anchor = head
            },
            () => undefined,
          )
        return
      }
      catchingUp = true
      config.onCatchUpStart?.()
      void catchUp(current)
    },
    inOrder: (fn) => inOrder(fn),
    stop() {
      stopped = true
      run += 1
      held = []
    },
  }
}
