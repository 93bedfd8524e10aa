import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type OpenedStore, openActionStore } from './action-store.ts'
import { enqueueAction, resolveConflict, retryOrDiscard, sendQueued } from './run-queue.ts'
import type { ActionKind, ApplyOutcome, QueuedAction, RecordVersion } from './types.ts'

// The queue against IndexedDB (fake-indexeddb's in-memory implementation) and a small server that
// behaves as the database functions do: it applies a key once and answers a replay as such, and
// it refuses a change made against an older version of the record.

interface Server {
  versions: Map<string, RecordVersion>
  applied: { key: string; recordId: string; payload: unknown }[]
  seen: Set<string>
  /** Next calls that fail as a lost connection: before reaching the server, or after applying. */
  drop: ('before' | 'after')[]
}

function server(): Server {
  return { versions: new Map(), applied: [], seen: new Set(), drop: [] }
}

let clock = 0
const nextVersion = (status: string): RecordVersion => ({
  status,
  updatedAt: new Date(Date.UTC(2026, 11, 3, 9, 0, ++clock)).toISOString(),
})

function stepKind(s: Server): ActionKind<{ status: string }> {
  return {
    kind: 'step',
    describe: (p) => p.status,
    apply: async (action: QueuedAction<{ status: string }>): Promise<ApplyOutcome> => {
      if (s.drop[0] === 'before') {
        s.drop.shift()
        throw new TypeError('Failed to fetch')
      }
      const current = s.versions.get(action.recordId) ?? nextVersion('scheduled')
      let outcome: ApplyOutcome
      if (s.seen.has(action.key)) outcome = { type: 'sent', current }
      else if (
        current.updatedAt !== action.expected.updatedAt ||
        current.status !== action.expected.status
      ) {
        outcome = { type: 'conflict', conflict: { current, changes: [] } }
      } else {
        const next = nextVersion(action.payload.status)
        s.versions.set(action.recordId, next)
        s.seen.add(action.key)
        s.applied.push({ key: action.key, recordId: action.recordId, payload: action.payload })
        outcome = { type: 'sent', current: next }
      }
      if (s.drop[0] === 'after') {
        s.drop.shift()
        throw new TypeError('Failed to fetch')
      }
      return outcome
    },
  }
}

function tickKind(s: Server): ActionKind<{ item: string }> {
  return {
    kind: 'tick',
    describe: (p) => p.item,
    apply: async (action: QueuedAction<{ item: string }>): Promise<ApplyOutcome> => {
      if (s.drop[0] === 'before') {
        s.drop.shift()
        throw new TypeError('Failed to fetch')
      }
      if (action.payload.item === '') return { type: 'refused', error: 'Not on the checklist' }
      if (!s.applied.some((a) => a.recordId === action.recordId && a.payload === action.payload)) {
        s.applied.push({ key: action.key, recordId: action.recordId, payload: action.payload })
      }
      return { type: 'sent' }
    },
  }
}

describe('offline queue', () => {
  let store: OpenedStore
  let s: Server
  let kinds: Map<string, ActionKind>
  const kindOf = (kind: string) => kinds.get(kind)
  const job = 'job-1'

  beforeEach(async () => {
    store = await openActionStore(randomUUID())
    s = server()
    kinds = new Map<string, ActionKind>([
      ['step', stepKind(s) as ActionKind],
      ['tick', tickKind(s) as ActionKind],
    ])
  })
  afterEach(() => store.close())

  async function made(recordId: string, status: string) {
    const version = nextVersion(status)
    s.versions.set(recordId, version)
    return version
  }

  it('keeps changes made offline in order and sends them in that order once', async () => {
    const seen = await made(job, 'in_progress')
    s.drop = ['before']
    await enqueueAction(store, {
      kind: 'tick',
      recordId: job,
      payload: { item: 'Vacuum' },
      expected: seen,
    })
    await enqueueAction(store, {
      kind: 'step',
      recordId: job,
      payload: { status: 'completed' },
      expected: seen,
    })
    const offline = await sendQueued(store, kindOf)
    expect(offline).toEqual({ sent: [], unreachable: true })
    const kept = await store.all()
    expect(kept.map((a) => [a.kind, a.state, a.failures])).toEqual([
      ['tick', 'waiting', 1],
      ['step', 'waiting', 0],
    ])
    const back = await sendQueued(store, kindOf)
    expect(back.unreachable).toBe(false)
    expect(back.sent.map((x) => x.action.kind)).toEqual(['tick', 'step'])
    expect(s.applied.map((a) => a.payload)).toEqual([{ item: 'Vacuum' }, { status: 'completed' }])
    expect(await store.all()).toEqual([])
    expect((await store.knownVersions())[job]?.status).toBe('completed')
  })

  it('a change whose answer was lost is sent again with the same key and applied once', async () => {
    const seen = await made(job, 'in_progress')
    const queued = await enqueueAction(store, {
      kind: 'step',
      recordId: job,
      payload: { status: 'completed' },
      expected: seen,
    })
    s.drop = ['after']
    expect((await sendQueued(store, kindOf)).unreachable).toBe(true)
    expect(s.applied).toHaveLength(1)
    const again = await sendQueued(store, kindOf)
    expect(again.sent.map((x) => x.action.key)).toEqual([queued.key])
    expect(s.applied).toHaveLength(1)
    expect(await store.all()).toEqual([])
  })

  it('a conflict holds back that job’s later changes, not another job’s', async () => {
    const seen = await made(job, 'in_progress')
    const other = await made('job-2', 'in_progress')
    await enqueueAction(store, {
      kind: 'step',
      recordId: job,
      payload: { status: 'completed' },
      expected: seen,
    })
    await enqueueAction(store, {
      kind: 'tick',
      recordId: job,
      payload: { item: 'Photos' },
      expected: seen,
    })
    await enqueueAction(store, {
      kind: 'step',
      recordId: 'job-2',
      payload: { status: 'completed' },
      expected: other,
    })
    // The office changes the first job meanwhile.
    const office = await made(job, 'in_progress')
    const report = await sendQueued(store, kindOf)
    expect(report.sent.map((x) => x.action.recordId)).toEqual(['job-2'])
    const held = await store.all()
    expect(held.map((a) => [a.kind, a.state])).toEqual([
      ['step', 'conflict'],
      ['tick', 'waiting'],
    ])
    expect(held[0]?.conflict?.current).toEqual(office)
    // Sending again changes nothing until the technician decides.
    expect((await sendQueued(store, kindOf)).sent).toEqual([])
  })

  it('"apply mine" sends the held changes on top of the office’s version', async () => {
    const seen = await made(job, 'in_progress')
    await enqueueAction(store, {
      kind: 'step',
      recordId: job,
      payload: { status: 'completed' },
      expected: seen,
    })
    await enqueueAction(store, {
      kind: 'tick',
      recordId: job,
      payload: { item: 'Photos' },
      expected: seen,
    })
    const office = await made(job, 'in_progress')
    await sendQueued(store, kindOf)
    await resolveConflict(store, job, 'mine')
    const rebased = await store.all()
    expect(rebased.map((a) => [a.state, a.expected.updatedAt])).toEqual([
      ['waiting', office.updatedAt],
      ['waiting', office.updatedAt],
    ])
    const report = await sendQueued(store, kindOf)
    expect(report.sent.map((x) => x.action.kind)).toEqual(['step', 'tick'])
    expect(s.versions.get(job)?.status).toBe('completed')
  })

  it('"keep office’s" drops the held change and the job’s later ones', async () => {
    const seen = await made(job, 'in_progress')
    await enqueueAction(store, {
      kind: 'step',
      recordId: job,
      payload: { status: 'completed' },
      expected: seen,
    })
    await enqueueAction(store, {
      kind: 'tick',
      recordId: job,
      payload: { item: 'Photos' },
      expected: seen,
    })
    await made(job, 'cancelled')
    await sendQueued(store, kindOf)
    await resolveConflict(store, job, 'theirs')
    expect(await store.all()).toEqual([])
    expect(s.applied).toEqual([])
    expect(s.versions.get(job)?.status).toBe('cancelled')
  })

  it('a refused change stays visible with its reason until retried or discarded', async () => {
    const seen = await made(job, 'in_progress')
    const bad = await enqueueAction(store, {
      kind: 'tick',
      recordId: job,
      payload: { item: '' },
      expected: seen,
    })
    await enqueueAction(store, { kind: 'mystery', recordId: 'job-3', payload: {}, expected: seen })
    await sendQueued(store, kindOf)
    const kept = await store.all()
    expect(kept.map((a) => [a.state, a.error])).toEqual([
      ['refused', 'Not on the checklist'],
      ['refused', 'This app cannot send “mystery”.'],
    ])
    await retryOrDiscard(store, bad.key, 'retry')
    expect((await store.all())[0]?.state).toBe('waiting')
    await retryOrDiscard(store, bad.key, 'discard')
    expect((await store.all()).map((a) => a.kind)).toEqual(['mystery'])
  })

  it('each user has a queue of their own', async () => {
    const seen = await made(job, 'in_progress')
    await enqueueAction(store, {
      kind: 'tick',
      recordId: job,
      payload: { item: 'Vacuum' },
      expected: seen,
    })
    const someoneElse = await openActionStore(randomUUID())
    expect(await someoneElse.all()).toEqual([])
    someoneElse.close()
  })
})
