import type { ChangeFeedRow } from '@repo/database/types'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// The feed as the repository would return it: entries of one scope, read with `id >= fromId`.
let feed: ChangeFeedRow[] = []
let reads = 0
vi.mock('@repo/database/repositories/change-feed', () => ({
  listChangeFeedPage: async (
    _client: unknown,
    _scope: unknown,
    options: { fromId: number; limit?: number; tables?: readonly string[] },
  ) => {
    reads += 1
    return feed
      .filter((e) => e.id >= options.fromId)
      .filter((e) => !options.tables || options.tables.includes(e.table_name))
      .slice(0, options.limit ?? 500)
  },
  latestChangeId: async () => feed.at(-1)?.id ?? 0,
}))

const { createFeedCatchUp } = await import('../../src/core/catch-up.ts')

const entry = (id: number, record = `r${id}`, event = 'INSERT'): ChangeFeedRow => ({
  id,
  organization_id: 'org',
  customer_id: null,
  table_name: 'jobs',
  record_id: record,
  event_type: event,
  created_at: new Date(0).toISOString(),
})
const flush = () => new Promise((resolve) => setTimeout(resolve, 20))

function setup(options = {}, rowsLive = false) {
  const delivered: number[] = []
  const resyncs: number[] = []
  const summaries: unknown[] = []
  const catchUp = createFeedCatchUp({
    client: {} as never,
    scope: { organizationId: 'org' },
    tables: ['jobs'],
    options: { settleMs: 10, ...options },
    rowsLive,
    deliver: (entries) => {
      delivered.push(...entries.map((e) => e.id))
    },
    onResync: () => resyncs.push(1),
    onCatchUp: (summary) => summaries.push(summary),
  })
  const live = (e: ChangeFeedRow) => {
    if (catchUp.onLiveEntry(e)) catchUp.inOrder(() => delivered.push(e.id))
  }
  return { catchUp, delivered, resyncs, summaries, live }
}

beforeEach(() => {
  feed = []
  reads = 0
})

describe('createFeedCatchUp', () => {
  it('delivers the entries after the last one seen, in order, across pages, once each', async () => {
    feed = [entry(1), entry(2)]
    const { catchUp, delivered, resyncs, summaries, live } = setup({ pageSize: 2 })
    catchUp.onJoin(false)
    await flush()
    live(entry(3))
    feed.push(entry(3), entry(4), entry(5), entry(6), entry(7))
    catchUp.onJoin(true)
    // Live entries during the catch-up: one already in the feed, one newer.
    live(entry(4))
    await flush()
    feed.push(entry(8))
    live(entry(8))
    await flush()
    await flush()
    expect(delivered).toEqual([3, 4, 5, 6, 7, 8])
    expect(resyncs).toEqual([])
    expect(summaries).toEqual([
      expect.objectContaining({ complete: true, fromId: 3, toId: expect.any(Number) }),
    ])
    live(entry(9))
    live(entry(9))
    expect(delivered).toEqual([3, 4, 5, 6, 7, 8, 9])
    expect(reads).toBeGreaterThan(2)
  })

  it('falls back to onResync when the gap is larger than maxEntries, then follows the head', async () => {
    feed = [entry(1)]
    const { catchUp, delivered, resyncs, summaries, live } = setup({ maxEntries: 3 })
    catchUp.onJoin(false)
    await flush()
    feed.push(entry(2), entry(3), entry(4), entry(5))
    catchUp.onJoin(true)
    await flush()
    expect(resyncs).toEqual([1])
    expect(delivered).toEqual([])
    expect(summaries).toEqual([expect.objectContaining({ complete: false, toId: 5 })])
    live(entry(6))
    expect(delivered).toEqual([6])
  })

  it('falls back when the last entry seen is no longer in the feed (pruned)', async () => {
    feed = [entry(1), entry(2)]
    const { catchUp, resyncs, live } = setup()
    catchUp.onJoin(false)
    await flush()
    live(entry(3))
    feed = [entry(4)]
    catchUp.onJoin(true)
    await flush()
    expect(resyncs).toEqual([1])
  })

  it('drops row events while catching up and delivers them from their feed entries', async () => {
    feed = [entry(1)]
    const { catchUp, delivered } = setup({}, true)
    catchUp.onJoin(false)
    await flush()
    feed.push(entry(2))
    catchUp.onJoin(true)
    // A row event and its feed entry arrive while catching up: the row is dropped, the entry held.
    expect(catchUp.acceptRow('jobs', 'r3', 'INSERT')).toBe(false)
    feed.push(entry(3))
    expect(catchUp.onLiveEntry(entry(3))).toBe(false)
    await flush()
    await flush()
    expect(delivered).toEqual([2, 3])
    // Live again: rows are delivered by their own binding, entries only move the anchor.
    expect(catchUp.acceptRow('jobs', 'r4', 'INSERT')).toBe(true)
    expect(catchUp.onLiveEntry(entry(4))).toBe(false)
    expect(delivered).toEqual([2, 3])
  })
})
