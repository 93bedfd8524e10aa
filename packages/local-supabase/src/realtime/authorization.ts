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
 * Realtime Authorization for private channels, as Supabase does it: RLS policies on
 * realtime.messages decide, with realtime.topic() set to the channel name. Reads are probed by
 * selecting rows inserted for the probe, writes by inserting as the user; everything is rolled back.
 */
export async function authorizeChannel(
  pool: pg.Pool,
  topic: string,
  subscriber: Subscriber,
): Promise<ChannelPermissions> {
  const client = await pool.connect()
  try {
    await client.query('begin')
    await client.query(
      `insert into realtime.messages (topic, extension, event, private)
       values ($1, 'broadcast', 'authorization-probe', true), ($1, 'presence', 'authorization-probe', true)`,
      [topic],
    )
    // As Supabase Realtime does: the claims, and (for policies written against the older
    // settings) request.jwt.claim.sub / .role, then the role.
    const sub = typeof subscriber.claims.sub === 'string' ? subscriber.claims.sub : ''
    await client.query(
      `select set_config('request.jwt.claims', $1, true), set_config('realtime.topic', $2, true),
              set_config('request.jwt.claim.sub', $4, true),
              set_config('request.jwt.claim.role', $3, true),
              set_config('role', $3, true)`,
      [subscriber.claimsJson, topic, subscriber.role, sub],
    )
    const { rows } = await client.query<{ extension: string }>(
      `select distinct extension from realtime.messages where topic = $1 and event = 'authorization-probe'`,
      [topic],
    )
    const readable = new Set(rows.map((r) => r.extension))
    const canWrite = async (extension: string) => {
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
    return {
      broadcastRead: readable.has('broadcast'),
      presenceRead: readable.has('presence'),
      broadcastWrite: await canWrite('broadcast'),
      presenceWrite: await canWrite('presence'),
    }
  } finally {
    await client.query('rollback').catch(() => undefined)
    client.release()
  }
}
