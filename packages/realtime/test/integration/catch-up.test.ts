import type { ChangeFeedRow, Database } from '@repo/database/types'
import { createClient } from '@supabase/supabase-js'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { subscribeToAll, subscribeToChangeFeed } from '../../src/core/customer-subscriptions.ts'
import type { CatchUpSummary, Client, RealtimeStatus } from '../../src/core/types.ts'
import { createWorld, insertInvoice, insertJob, type World } from '../helpers/fixtures.ts'
import { type OutageProxy, startOutageProxy } from '../helpers/outage-proxy.ts'
import { settle, signJwt, sql, stackEnv } from '../helpers/stack.ts'

const eventually = (check: () => void) => vi.waitFor(check, { timeout: 20_000, interval: 50 })

let world: World
let proxy: OutageProxy
const clients: Client[] = []

/** A client for the user that reaches the stack (REST and realtime) through the outage proxy. */
async function proxiedClient(userId: string): Promise<Client> {
  const env = stackEnv()
  const now = Math.floor(Date.now() / 1000)
  const token = signJwt(
    { sub: userId, role: 'authenticated', aud: 'authenticated', iat: now, exp: now + 3600 },
    env.JWT_SECRET,
  )
  const client = createClient<Database>(proxy.url, env.ANON_KEY, {
    accessToken: async () => token,
    realtime: {
      transport: WebSocket as unknown as typeof globalThis.WebSocket,
      reconnectAfterMs: () => 300,
      heartbeatIntervalMs: 2_000,
    },
  })
  clients.push(client)
  // The first join must carry the user's token, not the anon key (RealtimeProvider does this).
  await client.realtime.setAuth(token)
  return client
}

beforeAll(async () => {
  world = await createWorld()
  proxy = await startOutageProxy(stackEnv().API_URL)
})

afterAll(async () => {
  for (const client of clients) {
    await client.removeAllChannels()
    client.realtime.disconnect()
  }
  await proxy.close()
})

interface Watcher {
  statuses: RealtimeStatus[]
  resyncs: number
  summaries: CatchUpSummary[]
}
const watcher = (): Watcher => ({ statuses: [], resyncs: 0, summaries: [] })
const lifecycle = (w: Watcher) => ({
  onStatus: (status: RealtimeStatus) => w.statuses.push(status),
  onResync: () => {
    w.resyncs += 1
  },
  onCatchUp: (summary: CatchUpSummary) => w.summaries.push(summary),
})

describe('catch-up after an outage', () => {
  it('delivers what each subscriber missed, in order, once, and only what they may see', async () => {
    const customer = watcher()
    const staff = watcher()
    const titles: string[] = []
    const invoices: string[] = []
    const feed: ChangeFeedRow[] = []
    const stopCustomer = subscribeToAll(
      await proxiedClient(world.customer.userId),
      world.customer.id,
      {
        onJobInsert: (job) => titles.push(job.title),
        onInvoiceInsert: (invoice) => invoices.push(invoice.id),
        onInvoiceUpdate: (invoice) => invoices.push(invoice.id),
        ...lifecycle(customer),
      },
    )
    const stopStaff = subscribeToChangeFeed(
      await proxiedClient(world.staff.userId),
      world.organizationId,
      {
        tables: ['jobs'],
        onChange: (entry) => feed.push(entry),
        ...lifecycle(staff),
      },
    )
    await eventually(() => {
      expect(customer.statuses).toContain('connected')
      expect(staff.statuses).toContain('connected')
    })
    await settle()
    await insertJob(world, world.customer.id, 'live 0')
    await eventually(() => expect(titles).toEqual(['live 0']))
    await eventually(() => expect(feed).toHaveLength(1))

    await proxy.down()
    await eventually(() => {
      expect(customer.statuses.at(-1)).toBe('reconnecting')
      expect(staff.statuses.at(-1)).toBe('reconnecting')
    })
    const expectedTitles = ['live 0']
    const jobIds: string[] = [feed[0]?.record_id ?? '']
    for (let i = 1; i <= 30; i += 1) {
      const mine = i % 2 === 0
      const job = await insertJob(
        world,
        mine ? world.customer.id : world.otherCustomer.id,
        `missed ${i}`,
      )
      jobIds.push(job.id)
      if (mine) expectedTitles.push(job.title)
    }
    const draft = await insertInvoice(world, world.customer.id, 'draft')
    const sent = await insertInvoice(world, world.customer.id, 'sent')
    const othersInvoice = await insertInvoice(world, world.otherCustomer.id, 'sent')
    await proxy.up()

    await eventually(() => expect(titles).toEqual(expectedTitles))
    await eventually(() => expect(feed.map((e) => e.record_id)).toEqual(jobIds))
    await eventually(() => expect(customer.summaries).toHaveLength(1))
    await eventually(() => expect(staff.summaries).toHaveLength(1))
    expect(invoices).toEqual([sent.id])
    expect(invoices).not.toContain(draft.id)
    expect(invoices).not.toContain(othersInvoice.id)
    expect(customer.summaries[0]).toMatchObject({ complete: true, delivered: 16 })
    expect(staff.summaries[0]).toMatchObject({ complete: true, delivered: 30 })
    expect(customer.resyncs).toBe(0)
    expect(staff.resyncs).toBe(0)

    // Live again, and nothing is repeated.
    await insertJob(world, world.customer.id, 'live again')
    await eventually(() => expect(titles.at(-1)).toBe('live again'))
    expect(new Set(titles).size).toBe(titles.length)
    expect(new Set(feed.map((e) => e.id)).size).toBe(feed.length)
    stopCustomer()
    stopStaff()
  }, 60_000)

  it("never hands a customer another customer's changes, even when asked for their id", async () => {
    const intruder = watcher()
    const seen: string[] = []
    // Customer A subscribes with B's id: RLS gives A none of B's rows or feed entries.
    const stop = subscribeToAll(
      await proxiedClient(world.customer.userId),
      world.otherCustomer.id,
      {
        onChange: (_table, _event, row, old) => seen.push(String(row?.id ?? old?.id)),
        ...lifecycle(intruder),
      },
    )
    await eventually(() => expect(intruder.statuses).toContain('connected'))
    await settle()
    await proxy.down()
    await eventually(() => expect(intruder.statuses.at(-1)).toBe('reconnecting'))
    for (let i = 0; i < 5; i += 1) await insertJob(world, world.otherCustomer.id, `B only ${i}`)
    await proxy.up()
    await eventually(() => expect(intruder.summaries).toHaveLength(1))
    await insertJob(world, world.otherCustomer.id, 'B live')
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(seen).toEqual([])
    expect(intruder.summaries[0]?.delivered).toBe(0)
    stop()
  }, 60_000)

  it('falls back to onResync when more changes were missed than it may apply', async () => {
    const staff = watcher()
    const feed: ChangeFeedRow[] = []
    const stop = subscribeToChangeFeed(
      await proxiedClient(world.staff.userId),
      world.organizationId,
      {
        catchUp: { maxEntries: 5, pageSize: 2 },
        onChange: (entry) => feed.push(entry),
        ...lifecycle(staff),
      },
    )
    await eventually(() => expect(staff.statuses).toContain('connected'))
    await settle()
    await insertJob(world, world.customer.id, 'seen live')
    await eventually(() => expect(feed).toHaveLength(1))
    await proxy.down()
    await eventually(() => expect(staff.statuses.at(-1)).toBe('reconnecting'))
    for (let i = 0; i < 8; i += 1) await insertJob(world, world.customer.id, `too many ${i}`)
    await proxy.up()
    await eventually(() => expect(staff.resyncs).toBe(1))
    expect(staff.summaries).toEqual([expect.objectContaining({ complete: false })])
    expect(feed).toHaveLength(1)
    // The anchor moved to the head: the next change is live, the next outage catches up.
    await settle()
    await insertJob(world, world.customer.id, 'after fallback')
    await eventually(() => expect(feed).toHaveLength(2))
    stop()
  }, 60_000)

  it('falls back when the last entry it saw was pruned (older than the retention)', async () => {
    const staff = watcher()
    const feed: ChangeFeedRow[] = []
    const stop = subscribeToChangeFeed(
      await proxiedClient(world.staff.userId),
      world.organizationId,
      {
        onChange: (entry) => feed.push(entry),
        ...lifecycle(staff),
      },
    )
    await eventually(() => expect(staff.statuses).toContain('connected'))
    await settle()
    await insertJob(world, world.customer.id, 'to be pruned')
    await eventually(() => expect(feed.length).toBeGreaterThan(0))
    await proxy.down()
    await eventually(() => expect(staff.statuses.at(-1)).toBe('reconnecting'))
    await sql('delete from public.realtime_table_events where id <= $1', [feed.at(-1)?.id])
    await insertJob(world, world.customer.id, 'after the prune')
    await proxy.up()
    await eventually(() => expect(staff.resyncs).toBe(1))
    expect(staff.summaries).toEqual([expect.objectContaining({ complete: false })])
    stop()
  }, 60_000)
})
