import { describe, expect, it } from 'vitest'
import { withPg } from '../helpers.ts'
import {
  createPortalUser,
  mintToken,
  type RealtimeUser,
  realtimeUser,
  subscribe,
  uniqueName,
  waitFor,
} from './realtime-helpers.ts'

type Row = Record<string, unknown>

/** Subscribes `user` to every insert on `table` with no filter: only RLS decides what arrives. */
async function watchInserts(user: RealtimeUser, table: string): Promise<Row[]> {
  const seen: Row[] = []
  const channel = user.client
    .channel(uniqueName(table))
    .on('postgres_changes', { event: 'INSERT', schema: 'public', table }, (p) =>
      seen.push(p.new as Row),
    )
  await subscribe(channel)
  return seen
}

describe('postgres_changes checked in batches', () => {
  it('gives each of many identities exactly its own rows when changes arrive together', async () => {
    const owners = await Promise.all([1, 2, 3, 4].map(() => createPortalUser()))
    const ownerSeen = await Promise.all(
      owners.map(async (o) => watchInserts(await realtimeUser(o.token), 'rt_jobs')),
    )
    // Other roles in the same batches: anon reads nothing, the service role everything.
    const anonSeen = await watchInserts(await realtimeUser(), 'rt_jobs')
    const adminSeen = await watchInserts(
      await realtimeUser(await mintToken('service', { role: 'service_role' })),
      'rt_jobs',
    )

    const expected = new Map<string, string[]>(owners.map((o) => [o.customerId, []]))
    await withPg(async (db) => {
      // One transaction with rows of every customer interleaved, then many quick ones: both reach
      // the checks while earlier ones run, so they share round trips.
      await db.query('begin')
      for (let i = 0; i < 40; i++) {
        const owner = owners[(i * 3) % owners.length]!
        await db.query('insert into public.rt_jobs (customer_id, title) values ($1, $2)', [
          owner.customerId,
          `tx-${i}`,
        ])
        expected.get(owner.customerId)!.push(`tx-${i}`)
      }
      await db.query('commit')
      for (let i = 0; i < 60; i++) {
        const owner = owners[(i * 7) % owners.length]!
        await db.query('insert into public.rt_jobs (customer_id, title) values ($1, $2)', [
          owner.customerId,
          `quick-${i}`,
        ])
        expected.get(owner.customerId)!.push(`quick-${i}`)
      }
    })

    const mine = (rows: Row[], customerId: string) =>
      rows.filter((r) => r.customer_id === customerId).map((r) => r.title)
    await waitFor(
      () =>
        owners.every((o, i) => ownerSeen[i]!.length >= expected.get(o.customerId)!.length) &&
        owners.every((o) => mine(adminSeen, o.customerId).length === 25),
      'every owner’s rows',
    )
    owners.forEach((owner, i) => {
      // Exactly the owner's rows, in commit order, nothing of anyone else's.
      expect(ownerSeen[i]!.map((r) => r.title)).toEqual(expected.get(owner.customerId))
      expect(ownerSeen[i]!.every((r) => r.customer_id === owner.customerId)).toBe(true)
      expect(mine(adminSeen, owner.customerId)).toEqual(expected.get(owner.customerId))
    })
    expect(anonSeen).toEqual([])
  }, 60_000)

  it('finds rows by a key of several columns, whatever characters the key holds', async () => {
    const alice = await createPortalUser()
    const bob = await createPortalUser()
    const aliceSeen = await watchInserts(await realtimeUser(alice.token), 'rt_crew_slots')
    const bobSeen = await watchInserts(await realtimeUser(bob.token), 'rt_crew_slots')
    const crews = ['north', 'a "quoted", {braced} crew', 'back\\slash', "o'neil", 'NULL', '']

    await withPg(async (db) => {
      await db.query('begin')
      for (const [i, crew] of crews.entries()) {
        for (const [slot, owner] of [
          [1, alice],
          [2, bob],
          [3, alice],
        ] as const) {
          await db.query(
            'insert into public.rt_crew_slots (crew, slot, customer_id, note) values ($1, $2, $3, $4)',
            [crew, slot, owner.customerId, `${i}/${slot}`],
          )
        }
      }
      await db.query('commit')
    })

    const keys = (rows: Row[]) => rows.map((r) => `${r.crew}#${r.slot}`)
    await waitFor(
      () => aliceSeen.length >= crews.length * 2 && bobSeen.length >= crews.length,
      'both customers’ slots',
    )
    expect(keys(aliceSeen)).toEqual(crews.flatMap((crew) => [`${crew}#1`, `${crew}#3`]))
    expect(keys(bobSeen)).toEqual(crews.map((crew) => `${crew}#2`))
    expect(aliceSeen.every((r) => r.customer_id === alice.customerId)).toBe(true)
  }, 60_000)

  it('one subscriber whose check fails costs the others in the same batch nothing', async () => {
    const lead = await createPortalUser()
    const broken = await createPortalUser()
    const token = (userId: string, level: string) =>
      mintToken(userId, { claims: { crew_level: level } })
    const leadSeen = await watchInserts(
      await realtimeUser(await token(lead.userId, '5')),
      'rt_crew_notices',
    )
    // "five" cannot be cast to int: the policy raises for this subscriber only.
    const brokenSeen = await watchInserts(
      await realtimeUser(await token(broken.userId, 'five')),
      'rt_crew_notices',
    )
    await withPg(async (db) => {
      await db.query('begin')
      for (const [level, body] of [
        [1, 'low'],
        [9, 'high'],
        [5, 'at level'],
      ] as const) {
        await db.query('insert into public.rt_crew_notices (min_level, body) values ($1, $2)', [
          level,
          body,
        ])
      }
      await db.query('commit')
      await db.query("insert into public.rt_crew_notices (min_level, body) values (0, 'after')")
    })
    await waitFor(() => leadSeen.some((r) => r.body === 'after'), 'the lead’s notices')
    expect(leadSeen.map((r) => r.body)).toEqual(['low', 'at level', 'after'])
    expect(brokenSeen).toEqual([])
  }, 60_000)

  it('failing checks between others in one batch withhold only from their own subscribers', async () => {
    // Subscribed in this order, so the checks run good, broken, good, broken, good.
    const levels = ['3', 'three', '7', 'seven', '9']
    const seen: Row[][] = []
    for (const level of levels) {
      const user = await createPortalUser()
      const token = await mintToken(user.userId, { claims: { crew_level: level } })
      seen.push(await watchInserts(await realtimeUser(token), 'rt_crew_notices'))
    }
    await withPg(async (db) => {
      await db.query('begin')
      for (const level of [2, 5, 8, 9]) {
        await db.query('insert into public.rt_crew_notices (min_level, body) values ($1, $2)', [
          level,
          `level ${level}`,
        ])
      }
      await db.query('commit')
      await db.query("insert into public.rt_crew_notices (min_level, body) values (0, 'last')")
    })
    await waitFor(
      () => [0, 2, 4].every((i) => seen[i]!.some((r) => r.body === 'last')),
      'every good subscriber’s notices',
    )
    const bodies = seen.map((rows) => rows.map((r) => r.body))
    expect(bodies).toEqual([
      ['level 2', 'last'],
      [],
      ['level 2', 'level 5', 'last'],
      [],
      ['level 2', 'level 5', 'level 8', 'level 9', 'last'],
    ])
  }, 60_000)
})
