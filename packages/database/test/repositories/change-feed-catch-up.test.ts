import { beforeAll, describe, expect, it } from 'vitest'
import {
  CHANGE_FEED_PAGE_MAX,
  latestChangeId,
  listChangeFeedPage,
  listRowsByIds,
  ValidationError,
} from '../../src/repositories/index.ts'
import { createWorld, sql, type World } from '../helpers/stack.ts'

let one: World
let two: World

const head = async () =>
  Number(
    (
      await sql<{ id: string }>(
        'select coalesce(max(id), 0)::text as id from public.realtime_table_events',
      )
    )[0]?.id ?? 0,
  )

async function insert(table: string, values: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(values)
  const [row] = await sql<{ id: string }>(
    `insert into public.${table} (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')}) returning id`,
    Object.values(values),
  )
  return row?.id ?? ''
}

const job = (w: World, customerId: string, title: string) =>
  insert('jobs', {
    organization_id: w.organizationId,
    customer_id: customerId,
    title,
    scheduled_start: new Date(Date.now() + 86_400_000).toISOString(),
    scheduled_end: new Date(Date.now() + 90_000_000).toISOString(),
  })

let start = 0
let ids: Record<string, string> = {}

beforeAll(async () => {
  one = await createWorld()
  two = await createWorld()
  start = await head()
  const draft = await insert('invoices', {
    organization_id: one.organizationId,
    customer_id: one.customer.id,
    status: 'draft',
  })
  ids = {
    jobA: await job(one, one.customer.id, 'A job'),
    jobB: await job(one, one.otherCustomer.id, 'B job'),
    jobOrg2: await job(two, two.customer.id, 'Org 2 job'),
    draft,
    messageA: await insert('messages', {
      organization_id: one.organizationId,
      customer_id: one.customer.id,
      sender_type: 'staff',
      body: 'Hello A',
    }),
    noteA: await insert('customer_notes', {
      organization_id: one.organizationId,
      customer_id: one.customer.id,
      body: 'Internal: gate code 1234',
    }),
    pointsA: await insert('loyalty_transactions', {
      organization_id: one.organizationId,
      customer_id: one.customer.id,
      points: 25,
      kind: 'bonus',
      description: 'Welcome',
    }),
  }
  await sql(`update public.invoices set notes = 'still a draft' where id = $1`, [draft])
  await sql(`update public.invoices set status = 'sent', issued_at = now() where id = $1`, [draft])
})

const summary = (rows: { table_name: string; record_id: string; event_type: string }[]) =>
  rows.map(
    (r) =>
      `${r.table_name}:${r.event_type}:${Object.entries(ids).find(([, id]) => id === r.record_id)?.[0] ?? '?'}`,
  )

describe('change feed catch-up', () => {
  it('a customer reads only entries about their own rows they could read, in id order', async () => {
    const rows = await listChangeFeedPage(
      one.customer.client,
      { customerId: one.customer.id },
      { fromId: start + 1 },
    )
    expect(summary(rows)).toEqual([
      'jobs:INSERT:jobA',
      'messages:INSERT:messageA',
      'loyalty_transactions:INSERT:pointsA',
      // The draft's insert and edit are not theirs to know; its sending is.
      'invoices:UPDATE:draft',
    ])
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => a - b))
    expect(rows.every((r) => r.customer_id === one.customer.id)).toBe(true)
  })

  it("customer A never reads B's entries, whatever scope A asks for", async () => {
    const asB = await listChangeFeedPage(
      one.customer.client,
      { customerId: one.otherCustomer.id },
      { fromId: start + 1 },
    )
    expect(asB).toEqual([])
    const asOrg = await listChangeFeedPage(
      one.customer.client,
      { organizationId: one.organizationId },
      { fromId: start + 1 },
    )
    expect(asOrg.every((r) => r.customer_id === one.customer.id)).toBe(true)
    expect(asOrg.map((r) => r.record_id)).not.toContain(ids.jobB)
    expect(asOrg.map((r) => r.record_id)).not.toContain(ids.noteA)
    const bOwn = await listChangeFeedPage(
      one.otherCustomer.client,
      { customerId: one.otherCustomer.id },
      { fromId: start + 1 },
    )
    expect(summary(bOwn)).toEqual(['jobs:INSERT:jobB'])
    expect(await latestChangeId(one.customer.client, { customerId: one.otherCustomer.id })).toBe(0)
  })

  it('staff read every entry of their organization and none of another', async () => {
    const rows = await listChangeFeedPage(
      one.staff.client,
      { organizationId: one.organizationId },
      { fromId: start + 1 },
    )
    expect(summary(rows)).toEqual(
      expect.arrayContaining([
        'customer_notes:INSERT:noteA',
        'jobs:INSERT:jobB',
        'invoices:INSERT:draft',
      ]),
    )
    expect(rows.map((r) => r.record_id)).not.toContain(ids.jobOrg2)
    expect(
      await listChangeFeedPage(
        one.staff.client,
        { organizationId: two.organizationId },
        { fromId: start + 1 },
      ),
    ).toEqual([])
    expect(
      await listChangeFeedPage(
        one.staff.client,
        { customerId: two.customer.id },
        { fromId: start + 1 },
      ),
    ).toEqual([])
    // Staff may read a customer's scope of their own organization (what the customer sees).
    const customerScope = await listChangeFeedPage(
      one.staff.client,
      { customerId: one.customer.id },
      { fromId: start + 1 },
    )
    expect(customerScope).toHaveLength(4)
  })

  it('pages from an id (inclusive), filters by table, finds the newest id, and bounds the page', async () => {
    const scope = { customerId: one.customer.id }
    const all = await listChangeFeedPage(one.customer.client, scope, { fromId: start + 1 })
    const second = all[1]?.id ?? -1
    const page = await listChangeFeedPage(one.customer.client, scope, { fromId: second, limit: 2 })
    expect(page.map((r) => r.id)).toEqual(all.slice(1, 3).map((r) => r.id))
    const jobsOnly = await listChangeFeedPage(one.customer.client, scope, {
      fromId: start + 1,
      tables: ['jobs'],
    })
    expect(summary(jobsOnly)).toEqual(['jobs:INSERT:jobA'])
    expect(await latestChangeId(one.customer.client, scope)).toBe(all.at(-1)?.id)
    expect(await latestChangeId(one.customer.client, scope, { tables: ['jobs'] })).toBe(
      jobsOnly[0]?.id,
    )
    await expect(
      listChangeFeedPage(one.customer.client, scope, {
        fromId: 0,
        limit: CHANGE_FEED_PAGE_MAX + 1,
      }),
    ).rejects.toBeInstanceOf(ValidationError)
    await expect(
      listChangeFeedPage(one.customer.client, scope, { fromId: -1 }),
    ).rejects.toBeInstanceOf(ValidationError)
  })

  it('reads the current rows of missed entries under RLS', async () => {
    const mine = await listRowsByIds(one.customer.client, 'jobs', [ids.jobA ?? '', ids.jobB ?? ''])
    expect(mine.map((r) => r.title)).toEqual(['A job'])
    expect(await listRowsByIds(one.staff.client, 'jobs', [ids.jobOrg2 ?? ''])).toEqual([])
  })
})
