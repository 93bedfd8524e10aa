import { createRequire } from 'node:module'
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/database.types.ts'
import { accessTokenFor, closeAdminPool, createAuthUser, sql, stackEnv } from './support/stack.ts'
import { createJob, createStaff, createWorld, insertRow, type World } from './support/world.ts'

// Node 20 has no global WebSocket; use the `ws` implementation the local stack itself runs on.
const requireFromStack = createRequire(
  createRequire(import.meta.url).resolve('@repo/local-supabase'),
)
const WebSocket = requireFromStack('ws') as unknown

interface Received {
  table: string
  eventType: string
  id: string
  old: Record<string, unknown>
}

/** Subscribes as the persona and resolves once postgres_changes are flowing. */
async function watch(token: string, bindings: { table: string; filter?: string }[]) {
  const env = stackEnv()
  const client: SupabaseClient<Database> = createClient<Database>(env.API_URL, env.ANON_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
    accessToken: async () => token,
    realtime: { transport: WebSocket as never, params: { log_level: 'error' } },
  })
  await client.realtime.setAuth(token)
  const received: Received[] = []
  let channel: RealtimeChannel = client.channel(`schema-${Math.random().toString(36).slice(2)}`)
  for (const binding of bindings) {
    channel = channel.on(
      'postgres_changes',
      {
        event: '*',
        schema: 'public',
        table: binding.table,
        ...(binding.filter ? { filter: binding.filter } : {}),
      },
      (payload) => {
        const row = (payload.eventType === 'DELETE' ? payload.old : payload.new) as {
          id: string | number
        }
        received.push({
          table: payload.table,
          eventType: payload.eventType,
          // The change feed's id is a bigint; compare everything as text.
          id: String(row.id),
          old: payload.old as Record<string, unknown>,
        })
      },
    )
  }
  await new Promise<void>((resolve, reject) => {
    let joined = false
    let flowing = false
    channel.on('system', {}, (payload: { extension?: string; status?: string }) => {
      if (payload.extension === 'postgres_changes' && payload.status === 'ok') {
        flowing = true
        if (joined) resolve()
      }
    })
    channel.subscribe((status, error) => {
      if (status === 'SUBSCRIBED') {
        joined = true
        if (flowing) resolve()
      } else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') {
        reject(error ?? new Error(status))
      }
    })
  })
  /** Waits until an event for `id` arrives (events arrive in commit order). */
  const until = async (id: string) => {
    for (;;) {
      if (received.some((r) => r.id === id)) return
      await new Promise((r) => setTimeout(r, 25))
    }
  }
  return { received, until, close: () => client.removeAllChannels() }
}

describe('realtime delivers each customer only their own rows', () => {
  let world: World
  beforeAll(async () => {
    world = await createWorld()
  })
  afterAll(closeAdminPool)

  it('customer A receives A’s job, message, invoice and points changes, never B’s', async () => {
    const a = await watch(world.personas.customerA.token as string, [
      { table: 'jobs' },
      { table: 'messages', filter: `customer_id=eq.${world.customerA}` },
      { table: 'invoices' },
      { table: 'loyalty_transactions' },
    ])
    try {
      // B's changes first, then A's: once A's last event is in, B's would have arrived before it.
      await sql(`update public.jobs set notes = 'for B' where id = $1`, [world.jobB])
      const messageB = await insertRow('messages', {
        organization_id: world.org1,
        customer_id: world.customerB,
        sender_type: 'staff',
        body: 'Hi B',
      })
      const pointsB = await insertRow('loyalty_transactions', {
        organization_id: world.org1,
        customer_id: world.customerB,
        points: 5,
        kind: 'bonus',
      })
      await sql(`update public.jobs set notes = 'for A' where id = $1`, [world.jobA])
      const messageA = await insertRow('messages', {
        organization_id: world.org1,
        customer_id: world.customerA,
        sender_type: 'staff',
        body: 'Hi A',
      })
      const pointsA = await insertRow('loyalty_transactions', {
        organization_id: world.org1,
        customer_id: world.customerA,
        points: 5,
        kind: 'bonus',
      })
      const draftA = await insertRow('invoices', {
        organization_id: world.org1,
        customer_id: world.customerA,
      })
      const last = await createJob(world.org1, world.customerA)
      await a.until(last)

      const ids = a.received.map((r) => r.id)
      expect(ids).not.toContain(world.jobB)
      expect(ids).not.toContain(messageB)
      expect(ids).not.toContain(pointsB)
      // Drafts are not the customer's to see, live or not.
      expect(ids).not.toContain(draftA)
      // Deletes (of other test files' rows) are the platform's exception: with RLS a deleted row
      // cannot be checked, so every subscriber of the table gets the event with the key only.
      const deletes = a.received.filter((r) => r.eventType === 'DELETE')
      for (const d of deletes) expect(Object.keys(d.old)).toEqual(['id'])
      const changes = a.received.filter((r) => r.eventType !== 'DELETE')
      expect(changes.map((r) => [r.table, r.eventType, r.id])).toEqual([
        ['jobs', 'UPDATE', world.jobA],
        ['messages', 'INSERT', messageA],
        ['loyalty_transactions', 'INSERT', pointsA],
        ['jobs', 'INSERT', last],
      ])
      // REPLICA IDENTITY FULL: the update carries the whole old row.
      expect(a.received[0]?.old).toMatchObject({
        id: world.jobA,
        notes: null,
        customer_id: world.customerA,
      })
    } finally {
      await a.close()
    }
  })

  it('a customer receives only the feed entries about their own rows they may read', async () => {
    const a = await watch(world.personas.customerA.token as string, [
      { table: 'realtime_table_events' },
    ])
    try {
      const feedRow = async (record: string) =>
        (
          await sql<{ id: string }>(
            'select id::text from public.realtime_table_events where record_id = $1',
            [record],
          )
        )[0]?.id as string
      const jobB = await createJob(world.org1, world.customerB)
      const draftA = await insertRow('invoices', {
        organization_id: world.org1,
        customer_id: world.customerA,
        status: 'draft',
      })
      const jobA = await createJob(world.org1, world.customerA)
      const ownEntry = await feedRow(jobA)
      await a.until(ownEntry)
      const ids = a.received.map((r) => r.id)
      expect(ids).not.toContain(await feedRow(jobB))
      expect(ids).not.toContain(await feedRow(draftA))
    } finally {
      await a.close()
    }
  })

  it('staff receive their organization’s change feed; other organizations do not', async () => {
    const office = await watch(world.personas.office.token as string, [
      { table: 'realtime_table_events' },
    ])
    const other = await watch(world.personas.otherOrgOwner.token as string, [
      { table: 'realtime_table_events' },
    ])
    try {
      const job = await createJob(world.org1, world.customerB)
      const otherJob = await createJob(world.org2, world.customerOrg2)
      const feedRow = async (record: string) =>
        (
          await sql<{ id: string }>(
            'select id::text from public.realtime_table_events where record_id = $1',
            [record],
          )
        )[0]?.id as string
      const eventOrg1 = await feedRow(job)
      const eventOrg2 = await feedRow(otherJob)
      await office.until(eventOrg1)
      await other.until(eventOrg2)
      expect(office.received.map((r) => r.id)).not.toContain(eventOrg2)
      expect(other.received.map((r) => r.id)).not.toContain(eventOrg1)
    } finally {
      await office.close()
      await other.close()
    }
  })

  it('a staff member removed from the team receives nothing more on the channel they still have open', async () => {
    const user = await createAuthUser('leaver')
    const staffId = await createStaff(world.org1, user.id, 'office')
    const leaver = await watch(await accessTokenFor(user.id, user.email), [{ table: 'jobs' }])
    try {
      const before = await createJob(world.org1, world.customerA)
      await leaver.until(before)
      await sql('update public.staff_members set active = false where id = $1', [staffId])
      const after = await createJob(world.org1, world.customerA)
      // An office colleague's channel proves the change went out; the leaver's never gets it.
      const office = await watch(world.personas.office.token as string, [{ table: 'jobs' }])
      try {
        const last = await createJob(world.org1, world.customerA)
        await office.until(last)
        await new Promise((r) => setTimeout(r, 200))
        const ids = leaver.received.map((r) => r.id)
        expect(ids).toContain(before)
        expect(ids).not.toContain(after)
        expect(ids).not.toContain(last)
      } finally {
        await office.close()
      }
    } finally {
      await leaver.close()
    }
  })
})
