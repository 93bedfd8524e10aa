import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  subscribeToAll,
  subscribeToChangeFeed,
  subscribeToJobUpdates,
  subscribeToMessageUpdates,
} from '../../src/core/customer-subscriptions.ts'
import type { JobRow, RealtimeStatus } from '../../src/core/types.ts'
import {
  createWorld,
  customerClient,
  insertInvoice,
  insertJob,
  insertMessage,
  insertPoints,
  otherCustomerClient,
  setJobStatus,
  staffClient,
  type World,
} from '../helpers/fixtures.ts'
import {
  closeClients,
  duplicatingClientForUser,
  joinedChannels,
  settle,
  sql,
} from '../helpers/stack.ts'

let world: World
beforeAll(async () => {
  world = await createWorld()
})
afterAll(closeClients)

async function waitForStatus(statuses: RealtimeStatus[], wanted: RealtimeStatus) {
  await vi.waitFor(() => expect(statuses).toContain(wanted), { timeout: 15_000 })
  if (wanted === 'connected') await settle()
}

describe('subscribeToJobUpdates', () => {
  it('delivers typed rows for the customer and never another customer’s', async () => {
    const client = await customerClient(world)
    const inserted: JobRow[] = []
    const updated: Array<[JobRow, Partial<JobRow>]> = []
    const statuses: RealtimeStatus[] = []
    const stop = subscribeToJobUpdates(client, world.customer.id, {
      onInsert: (row) => inserted.push(row),
      onUpdate: (row, old) => updated.push([row, old]),
      onStatus: (status) => statuses.push(status),
    })
    await waitForStatus(statuses, 'connected')

    await insertJob(world, world.otherCustomer.id, 'Not yours')
    const mine = await insertJob(world, world.customer.id, 'Living room')
    await vi.waitFor(() => expect(inserted).toHaveLength(1), { timeout: 10_000 })
    expect(inserted[0]).toMatchObject({
      id: mine.id,
      title: 'Living room',
      status: 'scheduled',
      customer_id: world.customer.id,
    })
    expect(typeof inserted[0]?.price_cents).toBe('number')

    await setJobStatus(mine.id, 'en_route')
    await vi.waitFor(() => expect(updated).toHaveLength(1), { timeout: 10_000 })
    expect(updated[0]?.[0].status).toBe('en_route')
    expect(inserted.map((job) => job.title)).not.toContain('Not yours')
    stop()
    expect(statuses.at(-1)).toBe('disconnected')
  })

  it('rejects an id that is not a UUID before opening anything', async () => {
    const client = await customerClient(world)
    expect(() => subscribeToJobUpdates(client, 'x,id=gt.0', {})).toThrow(
      /customerId must be a UUID/,
    )
    expect(client.getChannels()).toHaveLength(0)
  })

  it('does not deliver rows RLS hides, even when the filter names them', async () => {
    const intruder = await otherCustomerClient(world)
    const seen: JobRow[] = []
    const statuses: RealtimeStatus[] = []
    const stop = subscribeToJobUpdates(intruder, world.customer.id, {
      onInsert: (row) => seen.push(row),
      onStatus: (status) => statuses.push(status),
    })
    await waitForStatus(statuses, 'connected')
    // The intruder's own job is the marker that deliveries are flowing at all.
    const own = await insertJob(world, world.otherCustomer.id, 'Marker')
    const probe: JobRow[] = []
    const stopProbe = subscribeToJobUpdates(intruder, world.otherCustomer.id, {
      onUpdate: (row) => probe.push(row),
    })
    await insertJob(world, world.customer.id, 'Secret')
    await new Promise((resolve) => setTimeout(resolve, 300))
    await setJobStatus(own.id, 'confirmed')
    await vi.waitFor(() => expect(probe).toHaveLength(1), { timeout: 10_000 })
    expect(seen).toHaveLength(0)
    stop()
    stopProbe()
  })
})

describe('subscribeToAll', () => {
  it('uses one channel and routes each table to its callbacks', async () => {
    const client = await customerClient(world)
    const events: string[] = []
    const statuses: RealtimeStatus[] = []
    const stop = subscribeToAll(client, world.customer.id, {
      onJobInsert: (job) => events.push(`job:${job.title}`),
      onInvoiceInsert: (invoice) => events.push(`invoice:${invoice.total_cents}`),
      onNewMessage: (message) => events.push(`message:${message.body}`),
      onPointsEarned: (t) => events.push(`earned:${t.points}`),
      onPointsRedeemed: (t) => events.push(`redeemed:${t.points}`),
      onStatus: (status) => statuses.push(status),
    })
    await waitForStatus(statuses, 'connected')
    expect(joinedChannels(client)).toHaveLength(1)

    await insertJob(world, world.customer.id, 'Stairs')
    const invoice = await insertInvoice(world, world.customer.id)
    await insertMessage(world, world.customer.id, 'See you soon')
    await insertPoints(world, world.customer.id, 50)
    await insertPoints(world, world.customer.id, -20, 'adjustment')
    await insertMessage(world, world.otherCustomer.id, 'Not for alice')
    await vi.waitFor(() => expect(events).toHaveLength(5), { timeout: 10_000 })
    expect(events.sort()).toEqual([
      'earned:50',
      `invoice:${invoice.total_cents}`,
      'job:Stairs',
      'message:See you soon',
      'redeemed:-20',
    ])
    stop()
  })
})

describe('subscribeToMessageUpdates', () => {
  it('reports a message read once and a soft delete as deleted', async () => {
    const client = await customerClient(world)
    const read: string[] = []
    const deleted: string[] = []
    const statuses: RealtimeStatus[] = []
    const stop = subscribeToMessageUpdates(client, world.customer.id, {
      onMessageRead: (message) => read.push(message.id),
      onMessageDeleted: (message) => deleted.push(message.id),
      onStatus: (status) => statuses.push(status),
    })
    await waitForStatus(statuses, 'connected')
    const message = await insertMessage(world, world.customer.id, 'Your invoice is ready')
    await sql(`update public.messages set read_at = now() where id = $1`, [message.id])
    await sql(`update public.messages set body = 'Your invoice is ready!' where id = $1`, [
      message.id,
    ])
    await sql(`update public.messages set deleted_at = now() where id = $1`, [message.id])
    await vi.waitFor(() => expect(deleted).toEqual([message.id]), { timeout: 10_000 })
    expect(read).toEqual([message.id])
    stop()
  })
})

describe('duplicate deliveries', () => {
  it('reach the handlers once when the network delivers a change twice', async () => {
    const client = await duplicatingClientForUser(world.customer.userId, world.customer.email)
    const inserted: string[] = []
    const changes: string[] = []
    const statuses: RealtimeStatus[] = []
    const stop = subscribeToJobUpdates(client, world.customer.id, {
      onInsert: (job) => inserted.push(job.id),
      onChange: (change) => changes.push(change.eventType),
      onStatus: (status) => statuses.push(status),
    })
    await waitForStatus(statuses, 'connected')
    await settle()
    const job = await insertJob(world, world.customer.id, 'Twice?')
    await setJobStatus(job.id, 'confirmed')
    await vi.waitFor(() => expect(changes).toContain('UPDATE'), { timeout: 10_000 })
    expect(inserted).toEqual([job.id])
    expect(changes).toEqual(['INSERT', 'UPDATE'])
    stop()
  })
})

describe('subscribeToChangeFeed', () => {
  it('tells staff what changed in their organization, optionally for one record', async () => {
    const client = await staffClient(world)
    const all: string[] = []
    const forRecord: string[] = []
    const statuses: RealtimeStatus[] = []
    const job = await insertJob(world, world.customer.id, 'Watched')
    const stopAll = subscribeToChangeFeed(client, world.organizationId, {
      onChange: (event) => all.push(`${event.table_name}:${event.event_type}`),
      onStatus: (status) => statuses.push(status),
    })
    const stopRecord = subscribeToChangeFeed(client, world.organizationId, {
      recordId: job.id,
      onChange: (event) => forRecord.push(`${event.record_id}:${event.event_type}`),
    })
    await waitForStatus(statuses, 'connected')
    await vi.waitFor(() => expect(joinedChannels(client)).toHaveLength(2), { timeout: 10_000 })
    await insertInvoice(world, world.customer.id)
    await setJobStatus(job.id, 'confirmed')
    await vi.waitFor(() => expect(forRecord).toContain(`${job.id}:UPDATE`), { timeout: 10_000 })
    // (The job's own INSERT may also arrive if the server read it after this channel joined.)
    expect(forRecord.every((entry) => entry.startsWith(job.id))).toBe(true)
    await vi.waitFor(() =>
      expect(all).toEqual(expect.arrayContaining(['invoices:INSERT', 'jobs:UPDATE'])),
    )
    stopAll()
    stopRecord()
  })
})
