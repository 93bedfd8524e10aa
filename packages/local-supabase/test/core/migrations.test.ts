import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyMigrations, listMigrations, MigrationError } from '../../src/db/migrations.ts'
import { stackEnv } from '../helpers.ts'

let dir: string
let client: pg.Client
const schema = `mig_${process.pid}`

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ls-migrations-'))
  client = new pg.Client({ connectionString: stackEnv().DB_URL })
  await client.connect()
})
afterAll(async () => {
  await client.query(`drop schema if exists ${schema} cascade`)
  await client.query(`delete from supabase_migrations.schema_migrations where version like '1999%'`)
  await client.end()
  await rm(dir, { recursive: true, force: true })
})

describe('migration runner', () => {
  it('orders by file name and splits version from name as the Supabase CLI does', async () => {
    await writeFile(path.join(dir, '19990102000000_second.sql'), `create table ${schema}.b (id int);`)
    await writeFile(path.join(dir, '19990101000000_first_step.sql'), `create schema ${schema}; create table ${schema}.a (id int);`)
    await writeFile(path.join(dir, 'README.md'), 'not a migration')
    const files = await listMigrations(dir)
    expect(files.map((f) => [f.version, f.name])).toEqual([
      ['19990101000000', 'first_step'],
      ['19990102000000', 'second'],
    ])
  })

  it('applies pending migrations once and records them; a second run is a no-op', async () => {
    const first = await applyMigrations(client, dir)
    expect(first.applied.map((m) => m.version)).toEqual(['19990101000000', '19990102000000'])
    const second = await applyMigrations(client, dir)
    expect(second.applied).toEqual([])
    expect(second.skipped.map((m) => m.version)).toEqual(['19990101000000', '19990102000000'])
    const { rows } = await client.query(
      `select version, name from supabase_migrations.schema_migrations where version like '1999%' order by version`,
    )
    expect(rows).toEqual([
      { version: '19990101000000', name: 'first_step' },
      { version: '19990102000000', name: 'second' },
    ])
  })

  it('stops at a failing migration with its file name and the Postgres error, keeping earlier ones', async () => {
    await writeFile(path.join(dir, '19990103000000_good.sql'), `create table ${schema}.c (id int);`)
    await writeFile(
      path.join(dir, '19990104000000_broken.sql'),
      `create table ${schema}.d (id int); select * from ${schema}.no_such_table;`,
    )
    await writeFile(path.join(dir, '19990105000000_after.sql'), `create table ${schema}.e (id int);`)
    const error = await applyMigrations(client, dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MigrationError)
    expect((error as Error).message).toMatch(/19990104000000_broken\.sql failed: relation ".*no_such_table" does not exist \(SQLSTATE 42P01\)/)
    const { rows } = await client.query<{ t: string | null }>(
      `select to_regclass($1)::text as t union all select to_regclass($2)::text union all select to_regclass($3)::text`,
      [`${schema}.c`, `${schema}.d`, `${schema}.e`],
    )
    // c applied, d rolled back as a whole, e never reached.
    expect(rows.map((r) => r.t)).toEqual([`${schema}.c`, null, null])
    const { rows: recorded } = await client.query(
      `select version from supabase_migrations.schema_migrations where version in ('19990103000000','19990104000000','19990105000000') order by 1`,
    )
    expect(recorded).toEqual([{ version: '19990103000000' }])
  })
})
