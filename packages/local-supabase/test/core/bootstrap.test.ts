import { describe, expect, it } from 'vitest'
import { withPg } from '../helpers.ts'

describe('bootstrap SQL', () => {
  it('creates the Supabase roles with the right attributes', async () => {
    const roles = await withPg(async (c) =>
      (await c.query<{ rolname: string; rolcanlogin: boolean; rolbypassrls: boolean }>(
        `select rolname, rolcanlogin, rolbypassrls from pg_roles
          where rolname in ('anon','authenticated','service_role','authenticator','supabase_admin') order by rolname`,
      )).rows,
    )
    expect(roles).toEqual([
      { rolname: 'anon', rolcanlogin: false, rolbypassrls: false },
      { rolname: 'authenticated', rolcanlogin: false, rolbypassrls: false },
      { rolname: 'authenticator', rolcanlogin: true, rolbypassrls: false },
      { rolname: 'service_role', rolcanlogin: false, rolbypassrls: true },
      { rolname: 'supabase_admin', rolcanlogin: true, rolbypassrls: true },
    ])
  })

  it('auth.uid(), auth.role() and auth.jwt() read request.jwt.claims as Supabase does', async () => {
    const row = await withPg(async (c) => {
      await c.query('begin')
      await c.query(`select set_config('request.jwt.claims', $1, true)`, [
        JSON.stringify({ sub: '6f1c4b52-3d0e-4a43-9a55-000000000001', role: 'authenticated', email: 'a@b.test' }),
      ])
      await c.query('set local role authenticated')
      const { rows } = await c.query(`select auth.uid() as uid, auth.role() as role, auth.jwt() ->> 'email' as email`)
      await c.query('rollback')
      return rows[0]
    })
    expect(row).toEqual({ uid: '6f1c4b52-3d0e-4a43-9a55-000000000001', role: 'authenticated', email: 'a@b.test' })
  })

  it('has logical replication on, the realtime publication and the migrations table', async () => {
    const facts = await withPg(async (c) => ({
      wal: (await c.query('show wal_level')).rows[0].wal_level,
      pub: (await c.query(`select count(*)::int as n from pg_publication where pubname = 'supabase_realtime'`)).rows[0].n,
      table: (await c.query(`select to_regclass('supabase_migrations.schema_migrations')::text as t`)).rows[0].t,
    }))
    expect(facts).toEqual({ wal: 'logical', pub: 1, table: 'supabase_migrations.schema_migrations' })
  })
})
