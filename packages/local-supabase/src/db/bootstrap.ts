import { readFile } from 'node:fs/promises'
import type pg from 'pg'

const bootstrapSqlUrl = new URL('./bootstrap.sql', import.meta.url)

/** Creates the roles, schemas and functions that a Supabase project has before any migration. */
export async function applyBootstrap(client: pg.ClientBase): Promise<void> {
  const sql = await readFile(bootstrapSqlUrl, 'utf8')
  // One advisory lock so two processes starting against one server do not race on CREATE ROLE.
  await client.query('select pg_advisory_lock(54321)')
  try {
    await client.query(sql)
  } finally {
    await client.query('select pg_advisory_unlock(54321)')
  }
}
