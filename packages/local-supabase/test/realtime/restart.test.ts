import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startTestStack, tempDir, type TestStack } from '../../src/testing/index.ts'
import { REPLICATION_SLOT } from '../../src/realtime/index.ts'
import { mintToken, realtimeUser, subscribe, uniqueName, waitFor } from './realtime-helpers.ts'

// This file runs its own stack: it restarts it and breaks its replication on purpose.
const migrationsDir = path.resolve(import.meta.dirname, '..', 'fixtures', 'migrations')
let dataDir: string
let apiPort: number
let stack: TestStack

async function start(): Promise<TestStack> {
  return startTestStack({ config: { migrationsDir, dataDir, apiPort } })
}

async function sql<T extends pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: stack.info.DB_URL })
  await client.connect()
  try {
    return (await client.query<T>(text, values)).rows
  } finally {
    await client.end()
  }
}

async function portalUser() {
  const userId = randomUUID()
  await sql(
    `insert into auth.users (id, aud, role, email) values ($1, 'authenticated', 'authenticated', $2)`,
    [userId, `${userId}@example.test`],
  )
  const [customer] = await sql<{ id: string }>(
    `insert into public.rt_customers (portal_user_id, name) values ($1, 'c') returning id`,
    [userId],
  )
  return {
    userId,
    customerId: customer!.id,
    token: await mintToken(userId, { secret: stack.info.JWT_SECRET }),
  }
}

async function listen(token: string, customerId: string) {
  const user = await realtimeUser(token, {
    apiUrl: stack.info.API_URL,
    anonKey: stack.info.ANON_KEY,
  })
  const titles: string[] = []
  let flowing = 0
  const channel = user.client
    .channel(uniqueName('restart'))
    .on(
      'postgres_changes',
      {
        event: 'INSERT',
        schema: 'public',
        table: 'rt_jobs',
        filter: `customer_id=eq.${customerId}`,
      },
      (p) => titles.push((p.new as { title: string }).title),
    )
    .on('system', {}, (p: { extension?: string; status?: string }) => {
      if (p.extension === 'postgres_changes' && p.status === 'ok') flowing += 1
    })
  await subscribe(channel)
  return { user, titles, flowing: () => flowing }
}

beforeAll(async () => {
  dataDir = await tempDir('realtime-restart-')
  apiPort = await freePort()
  stack = await start()
}, 120_000)

afterAll(async () => {
  await stack?.stop()
  await rm(dataDir, { recursive: true, force: true })
}, 60_000)

describe('realtime across restarts and replication failures', () => {
  it('a client resubscribes after the server restarts and gets new changes, none twice', async () => {
    const me = await portalUser()
    const { user, titles, flowing } = await listen(me.token, me.customerId)
    await sql('insert into public.rt_jobs (customer_id, title) values ($1, $2)', [
      me.customerId,
      'before',
    ])
    await waitFor(() => titles.includes('before'), 'the change before the restart')

    await stack.stop()
    stack = await start()
    // supabase-js reconnects on its own and rejoins the channel; the server confirms the stream again.
    await waitFor(() => flowing() >= 2, 'the channel to be rejoined and flowing', 30_000)
    await sql('insert into public.rt_jobs (customer_id, title) values ($1, $2)', [
      me.customerId,
      'after',
    ])
    await waitFor(() => titles.includes('after'), 'the change after the restart', 15_000)
    expect(titles).toEqual(['before', 'after'])
    // The slot outlived the restart (it is persistent), rather than being created anew.
    const slots = await sql<{ slot_name: string; temporary: boolean }>(
      'select slot_name, temporary from pg_replication_slots where slot_name = $1',
      [REPLICATION_SLOT],
    )
    expect(slots).toEqual([{ slot_name: REPLICATION_SLOT, temporary: false }])
    await user.client.removeAllChannels()
  }, 90_000)

  it('loses and repeats nothing when the replication connection is killed mid-stream', async () => {
    const me = await portalUser()
    const { user, titles } = await listen(me.token, me.customerId)
    const writer = new pg.Client({ connectionString: stack.info.DB_URL })
    await writer.connect()
    try {
      for (let i = 0; i < 300; i++) {
        await writer.query('insert into public.rt_jobs (customer_id, title) values ($1, $2)', [
          me.customerId,
          `w${i}`,
        ])
        if (i === 100 || i === 200) {
          await writer.query(
            'select pg_terminate_backend(active_pid) from pg_replication_slots where slot_name = $1 and active',
            [REPLICATION_SLOT],
          )
        }
      }
    } finally {
      await writer.end()
    }
    await waitFor(() => titles.length >= 300, 'all 300 changes', 30_000)
    await sql('insert into public.rt_jobs (customer_id, title) values ($1, $2)', [
      me.customerId,
      'marker',
    ])
    await waitFor(() => titles.includes('marker'), 'the marker')
    expect(titles.filter((t) => t !== 'marker')).toEqual(
      Array.from({ length: 300 }, (_, i) => `w${i}`),
    )
    await user.client.removeAllChannels()
  }, 90_000)

  it('recreates its slot when it disappears (as after a database reset) and keeps delivering', async () => {
    const me = await portalUser()
    const { user, titles } = await listen(me.token, me.customerId)
    // Drop the slot from under the server: terminate its walsender until the drop wins the race.
    let dropped = false
    for (let attempt = 0; attempt < 50 && !dropped; attempt++) {
      const rows = await sql<{ dropped: boolean }>(
        `select pg_terminate_backend(active_pid) as dropped from pg_replication_slots where slot_name = $1 and active`,
        [REPLICATION_SLOT],
      )
      try {
        await sql('select pg_drop_replication_slot($1)', [REPLICATION_SLOT])
        dropped = true
      } catch {
        if (rows.length === 0) await new Promise((r) => setTimeout(r, 20))
      }
    }
    expect(dropped).toBe(true)
    // The server recreates the slot and streams again; the next change arrives.
    let delivered = false
    for (let i = 0; i < 50 && !delivered; i++) {
      await sql('insert into public.rt_jobs (customer_id, title) values ($1, $2)', [
        me.customerId,
        `probe${i}`,
      ])
      await waitFor(() => titles.length > 0, 'a change after the slot came back', 1_000).then(
        () => (delivered = true),
        () => undefined,
      )
    }
    expect(delivered).toBe(true)
    const slots = await sql('select 1 from pg_replication_slots where slot_name = $1', [
      REPLICATION_SLOT,
    ])
    expect(slots).toHaveLength(1)
    await user.client.removeAllChannels()
  }, 90_000)
})
