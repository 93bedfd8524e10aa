import type { RealtimePostgresChangesPayload } from '@supabase/supabase-js'
import { describe, expect, it } from 'vitest'
import { withPg } from '../helpers.ts'
import { RawSocket } from './raw-socket.ts'
import {
  createPortalUser,
  mintToken,
  realtimeUser,
  subscribe,
  uniqueName,
  waitFor,
} from './realtime-helpers.ts'

type Job = {
  id: number
  customer_id: string
  title: string
  status: string
  price_cents: number
  rating: number | null
  urgent: boolean
  tags: string[]
  details: Record<string, unknown>
  scheduled_at: string | null
}
type Change = RealtimePostgresChangesPayload<Job>

async function insertJob(
  customerId: string,
  title: string,
  extra: Partial<Job> = {},
): Promise<number> {
  return withPg(async (db) => {
    const { rows } = await db.query<{ id: number }>(
      `insert into public.rt_jobs (customer_id, title, price_cents, rating, urgent, tags, details, scheduled_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [
        customerId,
        title,
        extra.price_cents ?? 0,
        extra.rating ?? null,
        extra.urgent ?? false,
        extra.tags ?? [],
        JSON.stringify(extra.details ?? {}),
        extra.scheduled_at ?? null,
      ],
    )
    return Number(rows[0]!.id)
  })
}

describe('postgres_changes', () => {
  for (const vsn of ['2.0.0', '1.0.0'] as const) {
    it(`delivers filtered INSERT, UPDATE and DELETE with typed values (vsn ${vsn})`, async () => {
      const me = await createPortalUser()
      const { client } = await realtimeUser(me.token, { vsn })
      const received: Change[] = []
      const channel = client.channel(uniqueName('jobs')).on(
        'postgres_changes',
        {
          event: '*',
          schema: 'public',
          table: 'rt_jobs',
          filter: `customer_id=eq.${me.customerId}`,
        },
        (p) => received.push(p as Change),
      )
      await subscribe(channel)

      const id = await insertJob(me.customerId, 'Carpet clean', {
        price_cents: 12_500,
        rating: 4.5,
        urgent: true,
        tags: ['stairs', 'hall way'],
        details: { rooms: 3 },
        scheduled_at: '2026-03-01T09:30:00Z',
      })
      await waitFor(() => received.length === 1, 'the INSERT')
      const insert = received[0]!
      expect(insert.eventType).toBe('INSERT')
      expect(insert.schema).toBe('public')
      expect(insert.table).toBe('rt_jobs')
      expect(Number.isNaN(Date.parse(insert.commit_timestamp))).toBe(false)
      expect(insert.errors).toBeNull()
      expect(insert.new).toMatchObject({
        id,
        customer_id: me.customerId,
        title: 'Carpet clean',
        price_cents: 12_500,
        rating: 4.5,
        urgent: true,
        tags: ['stairs', 'hall way'],
        details: { rooms: 3 },
        status: 'scheduled',
      })
      expect(Date.parse((insert.new as Job).scheduled_at!)).toBe(Date.parse('2026-03-01T09:30:00Z'))

      await withPg((db) =>
        db.query(`update public.rt_jobs set status = 'confirmed' where id = $1`, [id]),
      )
      await waitFor(() => received.length === 2, 'the UPDATE')
      const update = received[1]!
      expect(update.eventType).toBe('UPDATE')
      expect(update.new).toMatchObject({ id, status: 'confirmed' })
      // REPLICA IDENTITY FULL: the old row is complete.
      expect(update.old).toMatchObject({ id, status: 'scheduled', title: 'Carpet clean' })

      await withPg((db) => db.query('delete from public.rt_jobs where id = $1', [id]))
      await waitFor(() => received.length === 3, 'the DELETE')
      const del = received[2]!
      expect(del.eventType).toBe('DELETE')
      // RLS is on, so a deleted row reveals only its primary key, as on Supabase.
      expect(del.old).toEqual({ id })
      await client.removeChannel(channel)
    })
  }

  it('delivers unfiltered changes of a table without RLS, per event type', async () => {
    const { client } = await realtimeUser()
    const topic = uniqueName('notes')
    const inserts: Change[] = []
    const all: Change[] = []
    const filtered: Change[] = []
    const channel = client
      .channel(uniqueName('notes'))
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'rt_notes' }, (p) =>
        inserts.push(p as Change),
      )
      .on('postgres_changes', { event: '*', schema: 'public', table: 'rt_notes' }, (p) =>
        all.push(p as Change),
      )
      .on(
        'postgres_changes',
        { event: '*', schema: 'public', table: 'rt_notes', filter: `topic=eq.${topic}` },
        (p) => filtered.push(p as Change),
      )
    await subscribe(channel)
    const id = await withPg(async (db) => {
      const { rows } = await db.query(
        'insert into public.rt_notes (topic, body) values ($1, $2) returning id',
        [topic, 'a'],
      )
      await db.query('update public.rt_notes set body = $2 where id = $1', [rows[0].id, 'b'])
      await db.query('delete from public.rt_notes where id = $1', [rows[0].id])
      return Number(rows[0].id)
    })
    const mine = () =>
      all.filter((c) => ((c.eventType === 'DELETE' ? c.old : c.new) as { id: number }).id === id)
    await waitFor(() => mine().length === 3, 'insert, update and delete')
    expect(mine().map((c) => c.eventType)).toEqual(['INSERT', 'UPDATE', 'DELETE'])
    expect(mine()[1]!.new).toMatchObject({ id, topic, body: 'b' })
    // Default replica identity: the old record holds only the key...
    expect(mine()[2]!.old).toEqual({ id })
    // ...so a filter on another column cannot be applied to the delete, which is withheld.
    expect(filtered.map((c) => c.eventType)).toEqual(['INSERT', 'UPDATE'])
    expect(inserts.filter((c) => (c.new as { id: number }).id === id)).toHaveLength(1)
    expect(inserts.every((c) => c.eventType === 'INSERT')).toBe(true)
    await client.removeChannel(channel)
  })

  it('answers the join only once changes flow when postgres_changes_options.wait is set', async () => {
    const me = await createPortalUser()
    const { client } = await realtimeUser(me.token)
    const titles: string[] = []
    const channel = client
      .channel(uniqueName('wait'), {
        config: { postgres_changes_options: { wait: true, timeout: 5_000 } },
      })
      .on(
        'postgres_changes',
        {
          event: 'INSERT',
          schema: 'public',
          table: 'rt_jobs',
          filter: `customer_id=eq.${me.customerId}`,
        },
        (p) => titles.push((p.new as Job).title),
      )
    // SUBSCRIBED alone is enough here: no need to wait for the system message.
    await subscribe(channel, false)
    await insertJob(me.customerId, 'right away')
    await waitFor(() => titles.length === 1, 'the first change after SUBSCRIBED')
    expect(titles).toEqual(['right away'])
    await client.removeChannel(channel)
  })

  it('picks up a table added to the publication while the server runs', async () => {
    const table = `rt_late_${uniqueName('t').replace('-', '_')}`
    await withPg((db) =>
      db.query(
        `create table public.${table} (id bigint generated always as identity primary key, body text)`,
      ),
    )
    const socket = await RawSocket.open()
    try {
      const binding = { config: { postgres_changes: [{ event: '*', schema: 'public', table }] } }
      const refused = await socket.join(`realtime:${uniqueName('late')}`, binding)
      expect(refused.reply.response.reason).toMatch(/not in the supabase_realtime publication/)
      await withPg((db) =>
        db.query(`alter publication supabase_realtime add table public.${table}`),
      )
      // Join again until the server's table metadata has caught up (it is cached for a moment).
      const topic = `realtime:${uniqueName('late')}`
      let joined = false
      for (let i = 0; i < 40 && !joined; i++) {
        joined = (await socket.join(topic, binding)).reply.status === 'ok'
        if (!joined) await new Promise((r) => setTimeout(r, 250))
      }
      expect(joined).toBe(true)
      await socket.waitForEvent(topic, 'system')
      await withPg((db) => db.query(`insert into public.${table} (body) values ('late')`))
      const change = await socket.waitForEvent(topic, 'postgres_changes')
      expect(change.payload).toMatchObject({
        data: { table, type: 'INSERT', record: { body: 'late' } },
      })
    } finally {
      socket.close()
      await withPg((db) => db.query(`drop table public.${table}`))
    }
  })

  it('applies neq, lt, lte, gt, gte and in filters', async () => {
    const me = await createPortalUser()
    const { client } = await realtimeUser(me.token)
    const seen: Record<string, number[]> = {}
    const filters = {
      neq: 'price_cents=neq.200',
      lt: 'price_cents=lt.200',
      lte: 'price_cents=lte.200',
      gt: 'price_cents=gt.200',
      gte: 'price_cents=gte.200',
      in: 'price_cents=in.(100,300)',
    }
    let channel = client.channel(uniqueName('ops'))
    for (const [name, filter] of Object.entries(filters)) {
      seen[name] = []
      channel = channel.on(
        'postgres_changes',
        { event: 'INSERT', schema: 'public', table: 'rt_jobs', filter },
        (p) => {
          const row = p.new as Job
          if (row.customer_id === me.customerId) seen[name]!.push(row.price_cents)
        },
      )
    }
    const marker: number[] = []
    channel = channel.on(
      'postgres_changes',
      {
        event: 'INSERT',
        schema: 'public',
        table: 'rt_jobs',
        filter: `customer_id=eq.${me.customerId}`,
      },
      (p) => marker.push((p.new as Job).price_cents),
    )
    await subscribe(channel)
    for (const price of [100, 200, 300])
      await insertJob(me.customerId, `job ${price}`, { price_cents: price })
    await waitFor(() => marker.length === 3, 'all three inserts')
    expect(seen).toEqual({
      neq: [100, 300],
      lt: [100],
      lte: [100, 200],
      gt: [300],
      gte: [200, 300],
      in: [100, 300],
    })
    await client.removeChannel(channel)
  })

  it('finds eq-filtered bindings by value, per column and event, and forgets removed ones', async () => {
    const me = await createPortalUser()
    const { client } = await realtimeUser(me.token)
    const seen: Record<string, string[]> = { a: [], b: [], status: [], price: [], updates: [] }
    const on = (name: string, event: 'INSERT' | 'UPDATE' | '*', filter: string) => ({
      args: { event, schema: 'public', table: 'rt_jobs', filter } as const,
      push: (p: Change) => {
        const row = p.new as Job
        if (row.customer_id === me.customerId) seen[name]!.push(row.title)
      },
    })
    const channel = client.channel(uniqueName('eq'))
    for (const [name, event, filter] of [
      ['a', 'INSERT', 'title=eq.a'],
      ['b', '*', 'title=eq.b'],
      ['status', 'INSERT', 'status=eq.done'],
      ['price', 'INSERT', 'price_cents=eq.200'],
      ['updates', 'UPDATE', 'title=eq.a'],
    ] as const) {
      const { args, push } = on(name, event, filter)
      channel.on('postgres_changes', args, (p) => push(p as Change))
    }
    const other = client.channel(uniqueName('eq-gone'))
    const gone: string[] = []
    other.on(
      'postgres_changes',
      { event: 'INSERT', schema: 'public', table: 'rt_jobs', filter: 'title=eq.a' },
      (p) => gone.push((p.new as Job).title),
    )
    await subscribe(channel)
    await subscribe(other)
    await client.removeChannel(other)

    const a = await insertJob(me.customerId, 'a')
    await insertJob(me.customerId, 'b', { price_cents: 200 })
    await withPg((db) => db.query("update public.rt_jobs set status = 'done' where id = $1", [a]))
    await insertJob(me.customerId, 'A')
    await waitFor(() => seen.b!.length === 1 && seen.a!.length === 1, 'the a and b inserts')
    await insertJob(me.customerId, 'b')
    await waitFor(() => seen.b!.length === 2, 'the second b insert')
    expect(seen).toEqual({ a: ['a'], b: ['b', 'b'], status: [], price: ['b'], updates: ['a'] })
    expect(gone).toEqual([])
    await client.removeChannel(channel)
  })

  it('never shows one customer another customer’s rows, also after a token swap', async () => {
    const alice = await createPortalUser()
    const bob = await createPortalUser()
    const aliceClient = await realtimeUser(alice.token)
    const seen: Job[] = []
    // No filter at all: only RLS stands between Alice and Bob's rows.
    const channel = aliceClient.client
      .channel(uniqueName('all-jobs'))
      .on('postgres_changes', { event: '*', schema: 'public', table: 'rt_jobs' }, (p) => {
        if (p.eventType !== 'DELETE') seen.push(p.new as Job)
      })
    await subscribe(channel)

    await insertJob(bob.customerId, 'bob 1')
    await insertJob(alice.customerId, 'alice 1')
    await waitFor(() => seen.some((j) => j.title === 'alice 1'), 'Alice’s own row')
    expect(seen.every((j) => j.customer_id === alice.customerId)).toBe(true)

    // The socket now acts as Bob: Alice's rows stop, Bob's start. The new token travels on the
    // socket while changes come from the replication stream, so wait until a row of Bob's shows
    // that the server acts on it before writing the row Bob must not see.
    await aliceClient.setToken(bob.token)
    await insertJob(bob.customerId, 'bob 2a')
    await waitFor(() => seen.some((j) => j.title === 'bob 2a'), 'the swap taking effect')
    await insertJob(alice.customerId, 'alice 2')
    await insertJob(bob.customerId, 'bob 2')
    await waitFor(() => seen.some((j) => j.title === 'bob 2'), 'Bob’s row after the swap')
    expect(
      seen.map((j) => j.title).filter((t) => t !== 'alice 1' && !t.startsWith('bob 2')),
    ).toEqual([])
    expect(seen.some((j) => j.title === 'alice 2')).toBe(false)
    await aliceClient.client.removeChannel(channel)
  })

  it('the anon key sees no rows of an RLS table, and the service role sees them all', async () => {
    const me = await createPortalUser()
    const anon = await realtimeUser()
    const admin = await realtimeUser(await mintToken('service', { role: 'service_role' }))
    const anonSeen: Job[] = []
    const adminSeen: Job[] = []
    const filter = `customer_id=eq.${me.customerId}`
    const a = anon.client
      .channel(uniqueName('anon'))
      .on(
        'postgres_changes',
        { event: 'INSERT', schema: 'public', table: 'rt_jobs', filter },
        (p) => anonSeen.push(p.new as Job),
      )
    const s = admin.client
      .channel(uniqueName('admin'))
      .on(
        'postgres_changes',
        { event: 'INSERT', schema: 'public', table: 'rt_jobs', filter },
        (p) => adminSeen.push(p.new as Job),
      )
    await subscribe(a)
    await subscribe(s)
    // The note goes to anon on the same socket order, proving anon's stream is live.
    const notes: unknown[] = []
    const topic = uniqueName('anon-note')
    const n = anon.client
      .channel(uniqueName('anon-notes'))
      .on(
        'postgres_changes',
        { event: 'INSERT', schema: 'public', table: 'rt_notes', filter: `topic=eq.${topic}` },
        (p) => notes.push(p.new),
      )
    await subscribe(n)
    await insertJob(me.customerId, 'secret')
    await withPg((db) => db.query('insert into public.rt_notes (topic) values ($1)', [topic]))
    await waitFor(
      () => adminSeen.length === 1 && notes.length === 1,
      'service role row and anon note',
    )
    expect(anonSeen).toEqual([])
    await anon.client.removeAllChannels()
    await admin.client.removeAllChannels()
  })

  it('delivers 1,000 quick writes exactly once and in order', async () => {
    const me = await createPortalUser()
    const { client } = await realtimeUser(me.token)
    const titles: string[] = []
    const channel = client.channel(uniqueName('burst')).on(
      'postgres_changes',
      {
        event: 'INSERT',
        schema: 'public',
        table: 'rt_jobs',
        filter: `customer_id=eq.${me.customerId}`,
      },
      (p) => titles.push((p.new as Job).title),
    )
    await subscribe(channel)
    await withPg(async (db) => {
      // 1,000 separate transactions, committed back to back.
      for (let i = 0; i < 1000; i++) {
        await db.query('insert into public.rt_jobs (customer_id, title) values ($1, $2)', [
          me.customerId,
          `n${i}`,
        ])
      }
    })
    await waitFor(() => titles.length >= 1000, '1,000 inserts', 60_000)
    // Give any duplicate a chance to arrive behind a final marker row.
    await insertJob(me.customerId, 'marker')
    await waitFor(() => titles.includes('marker'), 'the marker row')
    const writes = titles.filter((t) => t !== 'marker')
    expect(writes).toHaveLength(1000)
    expect(new Set(writes).size).toBe(1000)
    expect(writes).toEqual(Array.from({ length: 1000 }, (_, i) => `n${i}`))
    await client.removeChannel(channel)
  }, 90_000)
})
