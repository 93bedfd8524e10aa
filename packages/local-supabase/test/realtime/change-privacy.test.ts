import { afterEach, describe, expect, it } from 'vitest'
import { stackEnv, withPg } from '../helpers.ts'
import { RawSocket } from './raw-socket.ts'
import { createPortalUser, mintToken, uniqueName, waitForValue } from './realtime-helpers.ts'

// What a subscriber may learn from UPDATE and DELETE events about rows it could not read.

const sockets: RawSocket[] = []
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close()
})

type Binding = { event: string; schema: string; table: string; filter?: string }

/** Joins a topic with postgres_changes bindings; resolves with the binding ids once changes flow. */
async function watch(token: string, bindings: Binding[]) {
  const socket = await RawSocket.open()
  sockets.push(socket)
  const topic = `realtime:${uniqueName('privacy')}`
  const { reply } = await socket.join(topic, {
    access_token: token,
    config: { postgres_changes: bindings },
  })
  expect(reply.status).toBe('ok')
  await socket.waitForChangesFlowing(topic)
  const ids = (reply.response.postgres_changes as Array<{ id: number }>).map((b) => b.id)
  return { socket, topic, ids }
}

async function insertRow(table: 'rt_jobs' | 'rt_visits', values: Record<string, unknown>) {
  const columns = Object.keys(values)
  return withPg(async (db) => {
    const { rows } = await db.query<{ id: string }>(
      `insert into public.${table} (${columns.join(', ')})
       values (${columns.map((_, i) => `$${i + 1}`).join(', ')}) returning id`,
      Object.values(values),
    )
    return Number(rows[0]!.id)
  })
}

async function sql(text: string, values: unknown[]): Promise<void> {
  await withPg((db) => db.query(text, values))
}

const byId = (ids: number[]) => [...ids].sort((a, b) => a - b)

describe('DELETE events', () => {
  it('with REPLICA IDENTITY FULL, reach only subscribers who could read the row, filtered or not', async () => {
    const alice = await createPortalUser()
    const bob = await createPortalUser()
    const table = 'rt_jobs'
    const watcher = await watch(alice.token, [
      { event: 'DELETE', schema: 'public', table },
      { event: 'DELETE', schema: 'public', table, filter: 'price_cents=eq.43210' },
      { event: 'DELETE', schema: 'public', table, filter: `customer_id=eq.${bob.customerId}` },
      { event: '*', schema: 'public', table, filter: 'title=eq.bob secret' },
      { event: 'DELETE', schema: 'public', table, filter: `customer_id=eq.${alice.customerId}` },
    ])
    const admin = await watch(await mintToken('admin', { role: 'service_role' }), [
      { event: 'DELETE', schema: 'public', table },
    ])

    const bobJob = await insertRow(table, {
      customer_id: bob.customerId,
      title: 'bob secret',
      price_cents: 43210,
    })
    // Quotes, commas, parentheses and backslashes must survive the old row's round trip.
    const aliceJob = await insertRow(table, {
      customer_id: alice.customerId,
      title: 'Alice\'s "deep" clean, (hall) \\ stairs',
      price_cents: 43210,
      tags: ['a "b"', 'c,d'],
    })
    await sql('delete from public.rt_jobs where id = $1', [bobJob])
    await sql('delete from public.rt_jobs where id = $1', [aliceJob])

    // Alice's delete was committed after Bob's: once it is here, Bob's would have come first.
    const deletesOf = (socket: RawSocket, topic: string) =>
      socket.changes(topic).filter((c) => c.data.type === 'DELETE')
    await waitForValue(
      () =>
        deletesOf(watcher.socket, watcher.topic).find((c) => c.data.old_record?.id === aliceJob),
      'Alice’s own delete',
    )
    const seen = deletesOf(watcher.socket, watcher.topic)
    expect(seen.map((c) => c.data.old_record)).toEqual([{ id: aliceJob }])
    expect(byId(seen[0]!.ids)).toEqual(byId([watcher.ids[0]!, watcher.ids[1]!, watcher.ids[4]!]))

    // The service role reads every row, so it gets both (and other test files' deletes).
    await waitForValue(
      () => deletesOf(admin.socket, admin.topic).find((c) => c.data.old_record?.id === aliceJob),
      'the service role’s copy of Alice’s delete',
    )
    const adminSeen = deletesOf(admin.socket, admin.topic)
      .map((c) => c.data.old_record?.id)
      .filter((id) => id === bobJob || id === aliceJob)
    expect(adminSeen).toEqual([bobJob, aliceJob])
  })

  it('with the default replica identity, ignore filters and carry only the key, for subscribers with SELECT privilege', async () => {
    const alice = await createPortalUser()
    const bob = await createPortalUser()
    const table = 'rt_visits'
    const bobVisit = await insertRow(table, { customer_id: bob.customerId, secret: 's3cret' })
    const aliceVisit = await insertRow(table, { customer_id: alice.customerId, secret: 'mine' })
    const watcher = await watch(alice.token, [
      { event: 'DELETE', schema: 'public', table },
      { event: 'DELETE', schema: 'public', table, filter: 'secret=eq.s3cret' },
      { event: 'DELETE', schema: 'public', table, filter: `customer_id=eq.${bob.customerId}` },
      { event: 'DELETE', schema: 'public', table, filter: `id=eq.${bobVisit}` },
    ])
    // anon holds no privilege on the table: it gets no delete at all.
    const anon = await watch(stackEnv().ANON_KEY, [
      { event: 'DELETE', schema: 'public', table },
      { event: 'INSERT', schema: 'public', table: 'rt_notes', filter: `topic=eq.${watcher.topic}` },
    ])

    await sql('delete from public.rt_visits where id = $1', [bobVisit])
    await sql('delete from public.rt_visits where id = $1', [aliceVisit])
    await sql('insert into public.rt_notes (topic) values ($1)', [watcher.topic])

    const seen = await waitForValue(() => {
      const deletes = watcher.socket.changes(watcher.topic)
      return deletes.length === 2 ? deletes : undefined
    }, 'both deletes')
    // The old row holds only the key, so no filter can be decided: every binding gets every
    // delete, and the ids say nothing about the row.
    expect(seen.map((c) => c.data.old_record)).toEqual([{ id: bobVisit }, { id: aliceVisit }])
    for (const change of seen) expect(byId(change.ids)).toEqual(byId(watcher.ids))

    await waitForValue(
      () => anon.socket.changes(anon.topic).find((c) => c.data.table === 'rt_notes'),
      'the note that follows the deletes',
    )
    expect(anon.socket.changes(anon.topic).map((c) => c.data.table)).toEqual(['rt_notes'])
  })
})

describe('UPDATE events', () => {
  it('carry the old row only to subscribers who could read it before the change', async () => {
    const alice = await createPortalUser()
    const bob = await createPortalUser()
    const watcher = await watch(alice.token, [
      {
        event: 'UPDATE',
        schema: 'public',
        table: 'rt_jobs',
        filter: `customer_id=eq.${alice.customerId}`,
      },
      { event: 'UPDATE', schema: 'public', table: 'rt_visits' },
    ])
    const bobJob = await insertRow('rt_jobs', {
      customer_id: bob.customerId,
      title: 'bob private',
      price_cents: 999,
    })
    const aliceJob = await insertRow('rt_jobs', { customer_id: alice.customerId, title: 'mine' })
    const aliceVisit = await insertRow('rt_visits', { customer_id: alice.customerId })

    // Staff move Bob's job to Alice: she may see it now, but not what it was before.
    await sql('update public.rt_jobs set customer_id = $2, title = $3 where id = $1', [
      bobJob,
      alice.customerId,
      'now alice’s',
    ])
    await sql(`update public.rt_jobs set title = 'mine, renamed' where id = $1`, [aliceJob])
    await sql(`update public.rt_visits set secret = 'x' where id = $1`, [aliceVisit])

    const seen = await waitForValue(() => {
      const updates = watcher.socket.changes(watcher.topic)
      return updates.length === 3 ? updates : undefined
    }, 'three updates')
    const [moved, own, visit] = seen
    expect(moved?.data.record).toMatchObject({
      id: bobJob,
      customer_id: alice.customerId,
      title: 'now alice’s',
    })
    expect(moved?.data.old_record).toEqual({ id: bobJob })
    // Her own row: the whole old row (REPLICA IDENTITY FULL).
    expect(own?.data.old_record).toMatchObject({
      id: aliceJob,
      title: 'mine',
      customer_id: alice.customerId,
    })
    // Default replica identity: the key only.
    expect(visit?.data.old_record).toEqual({ id: aliceVisit })
  })
})
