import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type pg from 'pg'

export interface MigrationFile {
  /** The timestamp prefix, as the Supabase CLI records it. */
  version: string
  name: string
  file: string
}

export class MigrationError extends Error {
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    const pgError = cause as { message?: string; position?: string; code?: string }
    super(
      `Migration ${path.basename(file)} failed: ${pgError.message ?? String(cause)}` +
        `${pgError.code ? ` (SQLSTATE ${pgError.code})` : ''}` +
        `${pgError.position ? ` at character ${pgError.position}` : ''}`,
    )
  }
}

/** `<version>_<name>.sql`, ordered by file name as the Supabase CLI orders them. */
export async function listMigrations(dir: string): Promise<MigrationFile[]> {
  if (!existsSync(dir)) return []
  const names = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort()
  return names.map((file) => {
    const base = file.slice(0, -'.sql'.length)
    const cut = base.indexOf('_')
    return {
      version: cut === -1 ? base : base.slice(0, cut),
      name: cut === -1 ? '' : base.slice(cut + 1),
      file: path.join(dir, file),
    }
  })
}

export interface MigrationReport {
  applied: MigrationFile[]
  skipped: MigrationFile[]
}

/**
 * Applies pending migrations in order, each in its own transaction, and records each in
 * supabase_migrations.schema_migrations. A failure stops the run; earlier ones stay applied.
 */
export async function applyMigrations(client: pg.ClientBase, dir: string): Promise<MigrationReport> {
  const files = await listMigrations(dir)
  const { rows } = await client.query<{ version: string }>(
    'select version from supabase_migrations.schema_migrations',
  )
  const done = new Set(rows.map((r) => r.version))
  const report: MigrationReport = { applied: [], skipped: [] }
  for (const migration of files) {
    if (done.has(migration.version)) {
      report.skipped.push(migration)
      continue
    }
    const sql = await readFile(migration.file, 'utf8')
    try {
      await client.query('begin')
      await client.query(sql)
      await client.query(
        'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
        [migration.version, migration.name, [sql]],
      )
      await client.query('commit')
    } catch (error) {
      await client.query('rollback').catch(() => undefined)
      throw new MigrationError(migration.file, error)
    }
    report.applied.push(migration)
  }
  // PostgREST-compatible servers reload their schema cache on this notification.
  if (report.applied.length) await client.query(`notify pgrst, 'reload schema'`)
  return report
}

/** Runs supabase/seed.sql in one transaction, when the file exists. */
export async function applySeed(client: pg.ClientBase, seedFile: string): Promise<boolean> {
  if (!existsSync(seedFile)) return false
  const sql = await readFile(seedFile, 'utf8')
  try {
    await client.query('begin')
    await client.query(sql)
    await client.query('commit')
  } catch (error) {
    await client.query('rollback').catch(() => undefined)
    throw new MigrationError(seedFile, error)
  }
  return true
}
