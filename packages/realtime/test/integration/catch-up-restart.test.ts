// @vitest-environment node
import type { ChangeFeedRow } from '@repo/database/types'
import pg from 'pg'
import { describe, expect, it, vi } from 'vitest'
import { subscribeToAll, subscribeToChangeFeed } from '../../src/core/customer-subscriptions.ts'
import type { CatchUpSummary, Client, RealtimeStatus } from '../../src/core/types.ts'
import { customerClient, staffClient } from '../helpers/fixtures.ts'
import { restartableStack } from '../helpers/restartable-stack.ts'
import { settle, stackEnv } from '../helpers/stack.ts'

// Realtime restarts and 1,000 changes are written while the clients rejoin.
const CHANGES = 1_000

const running = restartableStack('catch-up')
const eventually = (check: () => void, timeout = 60_000) =>
  vi.waitFor(check, { timeout, interval: 100 })

interface Subscriber {
  name: string
  statuses: RealtimeStatus[]
  resyncs: number
  summaries: CatchUpSummary[]
  /** Job ids in the order they were delivered. */
  jobs: string[]
  stop(): void
}

async function authorized(client: Promise<Client>): Promise<Client> {
  const ready = await client
  // The first join must carry the user's token (RealtimeProvider does this in the apps).
  await ready.realtime.setAuth()
  return ready
}

function track(name: string) {
  const s = {
    name,
    statuses: [] as RealtimeStatus[],
    resyncs: 0,
    summaries: [] as CatchUpSummary[],
    jobs: [] as string[],
    stop: () => {},
  }
  const lifecycle = {
    onStatus: (status: RealtimeStatus) => s.statuses.push(status),
    onResync: () => {
      s.resyncs += 1
    },
    onCatchUp: (summary: CatchUpSummary) => s.summaries.push(summary),
  }
  return { t: s, lifecycle }
}

async function staffSubscriber(name: string, catchUp: boolean): Promise<Subscriber> {
  const { t, lifecycle } = track(name)
  t.stop = subscribeToChangeFeed(await authorized(staffClient(running.world)), running.world.organizationId, {
    tables: ['jobs'],
    ...(catchUp ? {} : { catchUp: false as const }),
    onChange: (entry: ChangeFeedRow) => {
      if (entry.event_type === 'INSERT') t.jobs.push(entry.record_id)
    },
    ...lifecycle,
  })
  return t
}

async function customerSubscriber(name: string, catchUp: boolean): Promise<Subscriber> {
  const { t, lifecycle } = track(name)
  t.stop = subscribeToAll(await authorized(customerClient(running.world)), running.world.customer.id, {
    ...(catchUp ? {} : { catchUp: false as const }),
    onJobInsert: (job) => t.jobs.push(job.id),
    ...lifecycle,
  })
  return t
}

async function insertJobs(db: pg.Client, count: number, label: string, paceMs: number) {
  const all: string[] = []
  const mine: string[] = []
  for (let i = 0; i < count; i += 1) {
    const customer = i % 2 === 0 ? running.world.customer.id : running.world.otherCustomer.id
    const { rows } = await db.query<{ id: string }>(
      `insert into public.jobs (organization_id, customer_id, title, scheduled_start, scheduled_end)
       values ($1, $2, $3, now() + interval '2 days', now() + interval '2 days 2 hours') returning id`,
      [running.world.organizationId, customer, `${label} ${i}`],
    )
    const id = rows[0]?.id ?? ''
    all.push(id)
    if (customer === running.world.customer.id) mine.push(id)
    if (paceMs > 0) await new Promise((resolve) => setTimeout(resolve, paceMs))
  }
  return { all, mine }
}

describe('catch-up across a realtime restart', () => {
  it(`misses none of ${CHANGES} changes written while clients rejoin (staff and customer)`, async () => {
    const subscribers = [
      await staffSubscriber('staff with catch-up', true),
      await customerSubscriber('customer with catch-up', true),
      await staffSubscriber('staff without catch-up', false),
      await customerSubscriber('customer without catch-up', false),
    ]
    const [staff, customer, staffPlain, customerPlain] = subscribers as [
      Subscriber,
      Subscriber,
      Subscriber,
      Subscriber,
    ]
    await eventually(() => {
      for (const s of subscribers) expect(s.statuses, s.name).toContain('connected')
    }, 15_000)
    await settle()

    // One live change first: every subscriber is joined with its user's rights.
    let db = new pg.Client({ connectionString: stackEnv().DB_URL })
    await db.connect()
    const before = await insertJobs(db, 2, 'before', 0)
    await db.end()
    await eventually(() => {
      for (const s of subscribers) expect(s.jobs.length, s.name).toBeGreaterThan(0)
    }, 15_000)

    await running.restart()
    db = new pg.Client({ connectionString: stackEnv().DB_URL })
    await db.connect()
    // Written while the clients notice the restart and rejoin (about 5 s at this pace).
    const during = await insertJobs(db, CHANGES, 'during', 4)
    await db.end()

    const expectAll = [...before.all, ...during.all]
    const expectMine = [...before.mine, ...during.mine]
    await eventually(() => expect(staff.jobs).toEqual(expectAll))
    await eventually(() => expect(customer.jobs).toEqual(expectMine))
    // Without catch-up, whatever arrived has arrived once every plain subscriber is back and settled.
    await eventually(() => {
      for (const s of [staffPlain, customerPlain])
        expect(s.statuses.at(-1), s.name).toBe('connected')
    })
    await new Promise((resolve) => setTimeout(resolve, 3_000))

    const missed = (s: Subscriber, expected: string[]) =>
      expected.filter((id) => !s.jobs.includes(id)).length
    const report = {
      changes: CHANGES,
      staffMissedWithout: missed(staffPlain, during.all),
      customerMissedWithout: missed(customerPlain, during.mine),
      customerChanges: during.mine.length,
      staffMissedWith: missed(staff, during.all),
      customerMissedWith: missed(customer, during.mine),
      staffCatchUp: staff.summaries,
      customerCatchUp: customer.summaries,
    }
    console.info('catch-up across a restart', JSON.stringify(report))

    // With catch-up: nothing missed, in order, nothing twice, and the customer only their own.
    expect(report.staffMissedWith).toBe(0)
    expect(report.customerMissedWith).toBe(0)
    expect(staff.jobs).toEqual(expectAll)
    expect(customer.jobs).toEqual(expectMine)
    expect(customer.jobs.some((id) => !expectMine.includes(id))).toBe(false)
    expect(staff.resyncs + customer.resyncs).toBe(0)
    expect(staff.summaries.at(-1)?.complete).toBe(true)
    expect(customer.summaries.at(-1)?.complete).toBe(true)
    // Without it, each rejoin asks for a full re-fetch instead.
    expect(staffPlain.resyncs).toBeGreaterThan(0)
    for (const s of subscribers) s.stop()
  }, 180_000)
})
