import type pg from 'pg'
import { AuthApiError } from './errors.ts'

export type Db = pg.PoolClient

/** Runs `work` in one transaction: any thrown error rolls every write back. */
export async function inTransaction<T>(pool: pg.Pool, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await pool.connect()
  try {
    await db.query('begin')
    const result = await work(db)
    await db.query('commit')
    return result
  } catch (error) {
    const keep = error instanceof AuthApiError && error.keepWrites
    await db.query(keep ? 'commit' : 'rollback').catch(() => undefined)
    throw error
  } finally {
    db.release()
  }
}

/** Borrows one pooled connection for reads that need no transaction. */
export async function withConnection<T>(
  deps: { ctx: { pool: pg.Pool } },
  work: (db: Db) => Promise<T>,
): Promise<T> {
  const db = await deps.ctx.pool.connect()
  try {
    return await work(db)
  } finally {
    db.release()
  }
}
