import type { IncomingMessage } from 'node:http'
import type pg from 'pg'
import type { RequestAuth } from './auth.ts'
import { isConnectionFailure } from '../db/connection-errors.ts'
import { runBatch, type Statement, statementName } from '../db/statement-batch.ts'
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
// The timezone is only set when the request asks for one (`Prefer: timezone=`). No columns come
// back: the values are the caller's own.
const SETTINGS = `
  set_config('search_path', $1, true),
  set_config('role', $2, true),
  set_config('request.jwt.claims', $3, true),
  set_config('request.method', $4, true),
  set_config('request.path', $5, true),
  set_config('request.headers', $6, true),
  set_config('request.cookies', $7, true),
  set_config('statement_timeout', $8, true)`
const SETTINGS_SQL = `select from (select ${SETTINGS}) as settings`
const SETTINGS_WITH_TIMEZONE_SQL = `select from (select ${SETTINGS},
  set_config('timezone', $9, true)) as settings`

// The fixed statements of every request transaction, prepared once per connection.
const BEGIN_READ_ONLY: Statement = {
  name: 'local_supabase_begin_read_only',
  text: 'begin isolation level read committed read only',
}
const BEGIN_READ_WRITE: Statement = {
  name: 'local_supabase_begin_read_write',
  text: 'begin isolation level read committed read write',
}
const COMMIT: Statement = { name: 'local_supabase_commit', text: 'commit' }

/**
 * Runs `work` in one transaction as the request's role, so Postgres enforces RLS and grants.
 * `rollback` ends it with ROLLBACK instead of COMMIT (`Prefer: tx=rollback`).
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
      // BEGIN and the settings go out as one batch; the request's own SQL is only sent once both
      // have succeeded, so it can never run outside the caller's role.
      await runBatch(client, startStatements(settings))
      started = true
      const result = await work(client)
      await client.query(rollback ? 'rollback' : 'commit')
      return result
    } catch (error) {
      broken = await abandon(client, error)
      if (!started && attempt < 2 && isConnectionFailure(error)) continue
      throw error
    } finally {
      client.release(broken)
    }
  }
}

/**
 * Runs one statement as the request's role in its own transaction, in a single round trip: BEGIN,
 * the settings, the statement and COMMIT go out as one batch, and the server skips whatever follows
 * a failure, so the statement never runs outside the caller's role either. Only a read-only
 * statement is retried on a fresh connection when the connection was lost, since a lost batch may
 * have run.
 */
export async function inRequestStatement<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  settings: RequestSettings,
  statement: Statement,
): Promise<pg.QueryResult<R>> {
  for (let attempt = 0; ; attempt++) {
    const client = await pool.connect()
    let broken: Error | undefined
    try {
      // The statement stays prepared per connection: PostgreSQL plans each request shape once
      // (values are always bound, so the text is the shape), as PostgREST's prepared statements do.
      const results = await runBatch(client, [
        ...startStatements(settings),
        { ...statement, name: statementName(statement.text) },
        COMMIT,
      ])
      return results[2] as pg.QueryResult<R>
    } catch (error) {
      broken = await abandon(client, error)
      if (settings.readOnly && attempt < 2 && isConnectionFailure(error)) continue
      throw error
    } finally {
      client.release(broken)
    }
  }
}

/** Rolls back after a failure; returns the error that makes the connection unfit for reuse, if any. */
async function abandon(client: pg.PoolClient, error: unknown): Promise<Error | undefined> {
  let broken: Error | undefined
  await client.query('rollback').catch((rollbackError: Error) => {
    broken = rollbackError
  })
  if ((error as { code?: string }).code === undefined || isConnectionFailure(error))
    broken ??= error as Error
  return broken
}

/** BEGIN and the request's settings, as the first two statements of its transaction. */
function startStatements(settings: RequestSettings): Statement[] {
  const headers = Object.fromEntries(
    Object.entries(settings.req.headers).map(([k, v]) => [
      k.toLowerCase(),
      Array.isArray(v) ? v.join(', ') : (v ?? ''),
    ]),
  )
  const values = [
    `${ident(settings.schema)}, extensions`,
    settings.auth.role,
    JSON.stringify(settings.auth.claims),
    settings.method,
    settings.path,
    JSON.stringify(headers),
    JSON.stringify(cookies(settings.req.headers.cookie)),
    String(settings.statementTimeoutMs),
  ]
  return [
    settings.readOnly ? BEGIN_READ_ONLY : BEGIN_READ_WRITE,
    settings.timezone === null
      ? { name: 'local_supabase_settings', text: SETTINGS_SQL, values }
      : {
          name: 'local_supabase_settings_timezone',
          text: SETTINGS_WITH_TIMEZONE_SQL,
          values: [...values, settings.timezone],
        },
  ]
}
