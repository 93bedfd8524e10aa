import type { IncomingMessage } from 'node:http'
import type pg from 'pg'
import type { RequestAuth } from './auth.ts'
import { isConnectionFailure } from '../db/connection-errors.ts'
import { ident } from './sql/quote.ts'

export interface RequestSettings {
  readOnly: boolean
  auth: RequestAuth
  schema: string
  method: string
  path: string
  req: IncomingMessage
  statementTimeoutMs: number
  /** `Prefer: timezone=` (already checked against pg_timezone_names); null keeps the server's. */
  timezone: string | null
}

function cookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim()
  }
  return out
}

// One set_config batch, as PostgREST sends it: every value bound, every setting transaction-local.
const SETTINGS_SQL = `select
  set_config('search_path', $1, true),
  set_config('role', $2, true),
  set_config('request.jwt.claims', $3, true),
  set_config('request.method', $4, true),
  set_config('request.path', $5, true),
  set_config('request.headers', $6, true),
  set_config('request.cookies', $7, true),
  set_config('statement_timeout', $8, true),
  set_config('timezone', coalesce($9, current_setting('timezone')), true)`

/**
 * Runs `work` in one transaction as the request's role, so Postgres enforces RLS and grants.
 * `finish` decides between commit and rollback (`Prefer: tx=rollback`).
 */
export async function inRequestTransaction<T>(
  pool: pg.Pool,
  settings: RequestSettings,
  work: (client: pg.PoolClient) => Promise<T>,
  rollback = false,
): Promise<T> {
  // A pooled connection cut while idle (terminated backend, restarted server) fails at BEGIN,
  // before anything of the request ran: then a fresh connection is safe to try, reads and writes alike.
  for (let attempt = 0; ; attempt++) {
    const client = await pool.connect()
    let broken: Error | undefined
    let started = false
    try {
      await begin(client, settings)
      started = true
      const result = await work(client)
      await client.query(rollback ? 'rollback' : 'commit')
      return result
    } catch (error) {
      await client.query('rollback').catch((rollbackError: Error) => {
        broken = rollbackError
      })
      if ((error as { code?: string }).code === undefined || isConnectionFailure(error))
        broken ??= error as Error
      if (!started && attempt < 2 && isConnectionFailure(error)) continue
      throw error
    } finally {
      client.release(broken)
    }
  }
}

async function begin(client: pg.PoolClient, settings: RequestSettings): Promise<void> {
  const headers = Object.fromEntries(
    Object.entries(settings.req.headers).map(([k, v]) => [
      k.toLowerCase(),
      Array.isArray(v) ? v.join(', ') : (v ?? ''),
    ]),
  )
  // BEGIN and the settings go out together (the REST pool pipelines); the request's own SQL is
  // only sent once both have succeeded, so it can never run outside the caller's role.
  const steps = await Promise.allSettled([
    client.query(
      `begin isolation level read committed ${settings.readOnly ? 'read only' : 'read write'}`,
    ),
    client.query(SETTINGS_SQL, [
      `${ident(settings.schema)}, extensions`,
      settings.auth.role,
      JSON.stringify(settings.auth.claims),
      settings.method,
      settings.path,
      JSON.stringify(headers),
      JSON.stringify(cookies(settings.req.headers.cookie)),
      String(settings.statementTimeoutMs),
      settings.timezone,
    ]),
  ])
  for (const step of steps) if (step.status === 'rejected') throw step.reason
}
