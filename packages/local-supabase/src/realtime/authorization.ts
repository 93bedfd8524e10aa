import type pg from 'pg'
import type { Subscriber } from './tokens.ts'

export interface ChannelPermissions {
  broadcastRead: boolean
  broadcastWrite: boolean
  presenceRead: boolean
  presenceWrite: boolean
}

export const ALL_PERMISSIONS: ChannelPermissions = {
  broadcastRead: true,
  broadcastWrite: true,
  presenceRead: true,
  presenceWrite: true,
}

/**
 * As Supabase Realtime does: the claims, the topic, and (for policies written against the older
 * settings) request.jwt.claim.sub / .role, then the role. Transaction-local.
 */
async function actAs(client: pg.PoolClient, topic: string, subscriber: Subscriber): Promise<void> {
  const sub = typeof subscriber.claims.sub === 'string' ? subscriber.claims.sub : ''
  await client.query(
    `select set_config('request.jwt.claims', $1, true), set_config('realtime.topic', $2, true),
            set_config('request.jwt.claim.sub', $4, true),
            set_config('request.jwt.claim.role', $3, true),
            set_config('role', $3, true)`,
    [subscriber.claimsJson, topic, subscriber.role, sub],
  )
}

/** Whether INSERT policies let the acting user write a message of `extension` to the topic. */
async function mayInsert(
  client: pg.PoolClient,
  topic: string,
  extension: string,
): Promise<boolean> {
  await client.query('savepoint probe')
  try {
    await client.query(
      `insert into realtime.messages (topic, extension, event, private) values ($1, $2, 'authorization-probe', true)`,
      [topic, extension],
    )
    await client.query('release savepoint probe')
    return true
  } catch {
    await client.query('rollback to savepoint probe')
    return false
  }
}

/** Runs `probe` in a transaction that is always rolled back, so no probe row is ever stored. */
async function inRolledBackTransaction<T>(
  pool: pg.Pool,
  probe: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('begin')
    return await probe(client)
  } finally {
    await client.query('rollback').catch(() => undefined)
    client.release()
  }
}

/**
 * Realtime Authorization for private channels, as Supabase does it: RLS policies on
 * realtime.messages decide, with realtime.topic() set to the channel name. Reads are probed by
 * selecting rows inserted for the probe, writes by inserting as the user; everything is rolled back.
 */
export function authorizeChannel(
  pool: pg.Pool,
  topic: string,
  subscriber: Subscriber,
): Promise<ChannelPermissions> {
  return inRolledBackTransaction(pool, async (client) => {
    await client.query(
      `insert into realtime.messages (topic, extension, event, private)
       values ($1, 'broadcast', 'authorization-probe', true), ($1, 'presence', 'authorization-probe', true)`,
      [topic],
    )
    await actAs(client, topic, subscriber)
    const { rows } = await client.query<{ extension: string }>(
      `select distinct extension from realtime.messages where topic = $1 and event = 'authorization-probe'`,
      [topic],
    )
    const readable = new Set(rows.map((r) => r.extension))
    return {
      broadcastRead: readable.has('broadcast'),
      presenceRead: readable.has('presence'),
      broadcastWrite: await mayInsert(client, topic, 'broadcast'),
      presenceWrite: await mayInsert(client, topic, 'presence'),
    }
  })
}

/**
 * Whether the user may broadcast to a private topic without joining it (the REST API), as
 * Supabase checks it: by the INSERT policies alone.
 */
export function authorizeBroadcastSend(
  pool: pg.Pool,
  topic: string,
  subscriber: Subscriber,
): Promise<boolean> {
  return inRolledBackTransaction(pool, async (client) => {
    await actAs(client, topic, subscriber)
    return mayInsert(client, topic, 'broadcast')
  })
}
