import pg from 'pg'
import type { Logger } from '../log.ts'
import { isConnectionFailure } from './connection-errors.ts'

export interface PoolOptions extends pg.PoolConfig {
  connectionString: string
  /** Names the pool in log lines ("rest", "realtime", …). */
  name: string
}

/**
 * A `pg.Pool` that survives its connections being cut (a terminated backend, a restarted or
 * killed server). pg drops its own error listener from a client while it is checked out, so an
 * error arriving between queries would be an unhandled 'error' event and end the process. Every
 * client gets a listener for its whole life instead; the query in flight still rejects, the
 * caller releases the client as broken, and the pool opens a fresh one for the next request.
 */
export function createPool(options: PoolOptions, log: Logger): pg.Pool {
  const { name: _name, ...config } = options
  const pool = new pg.Pool({ idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000, ...config })
  const lost = (error: Error) =>
    log.warn(`${options.name} database connection lost`, { error: error.message })
  pool.on('connect', (client) => {
    client.on('error', lost)
  })
  // Idle clients: pg also emits their errors on the pool.
  pool.on('error', () => undefined)
  return pool
}

/** A standalone client (listeners, migrations, CLI) whose connection errors are logged, never thrown. */
export function createClient(connectionString: string, log: Logger, name: string): pg.Client {
  const client = new pg.Client({ connectionString })
  client.on('error', (error) => log.warn(`${name} database connection lost`, { error: error.message }))
  return client
}

/**
 * Runs a read that is safe to repeat, retrying on a fresh connection when the connection was lost
 * (the pool replaces it): a terminated backend or a restarted server must not turn into a wrong
 * "no" or a silently dropped event. Other errors are thrown at once; a connection still failing
 * after `patienceMs` (default ~1.5 s) is thrown too. Realtime's checks wait longer: a change they
 * give up on is never delivered, while waiting only delays it.
 */
export async function queryRetryingLostConnections<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  sql: string,
  values: unknown[] = [],
  { patienceMs = 1_500 }: { patienceMs?: number } = {},
): Promise<pg.QueryResult<R>> {
  const started = Date.now()
  for (let attempt = 0; ; attempt++) {
    try {
      return await pool.query<R>(sql, values)
    } catch (error) {
      const wait = Math.min(100 * 2 ** attempt, 2_000)
      if (!isConnectionFailure(error) || Date.now() - started + wait > patienceMs) throw error
      await new Promise((resolve) => setTimeout(resolve, wait))
    }
  }
}
