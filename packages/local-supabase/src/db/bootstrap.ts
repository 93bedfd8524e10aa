import { readFile } from 'node:fs/promises'
import type pg from 'pg'

/** Run in order: the roles and schemas first, then the parts that build on them. */
const BOOTSTRAP_FILES = ['./bootstrap.sql', './bootstrap-storage.sql'].map(
  (file) => new URL(file, import.meta.url),
)

/** Creates the roles, schemas and functions that a Supabase project has before any migration. */
export async function applyBootstrap(client: pg.ClientBase): Promise<void> {
  const scripts = await Promise.all(BOOTSTRAP_FILES.map((url) => readFile(url, 'utf8')))
  // One advisory lock so two processes starting against one server do not race on CREATE ROLE.
  await client.query('select pg_advisory_lock(54321)')
  try {
    for (const sql of scripts) await client.query(sql)
  } finally {
    await client.query('select pg_advisory_unlock(54321)')
  }
}
