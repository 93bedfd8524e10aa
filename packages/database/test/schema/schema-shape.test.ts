import path from 'node:path'
import { applyMigrations, listMigrations } from '@repo/local-supabase'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
// The realtime registry lives in @repo/domain, which depends on this package: read it by path.
import {
  changeFeedTables,
  customerTables,
  publishedTables,
} from '../../../domain/src/realtime-tables/registry.ts'
import { auditedTables } from '../../../domain/src/audit/audit-entry.ts'
import { closeAdminPool, one, sql, stackEnv } from './support/stack.ts'

const migrationsDir = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'supabase',
  'migrations',
)

describe('schema shape', () => {
  afterAll(closeAdminPool)

  it('every migration is applied, and applying again is a no-op', async () => {
    const files = await listMigrations(migrationsDir)
    const applied = await sql<{ version: string }>(
      'select version from supabase_migrations.schema_migrations order by 1',
    )
    expect(applied.map((r) => r.version)).toEqual(files.map((f) => f.version))
    const client = new pg.Client({ connectionString: stackEnv().DB_URL })
    await client.connect()
    try {
      const report = await applyMigrations(client, migrationsDir)
      expect(report.applied).toEqual([])
      expect(report.skipped).toHaveLength(files.length)
    } finally {
      await client.end()
    }
  })

  it('RLS is on for every public table, and each has policies', async () => {
    const tables = await sql<{ name: string; rls: boolean; policies: number }>(
      `select c.relname as name, c.relrowsecurity as rls,
              (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policies
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r' order by 1`,
    )
    expect(tables.length).toBe(38)
    for (const t of tables) {
      expect(t.rls, t.name).toBe(true)
      expect(t.policies, t.name).toBeGreaterThan(0)
    }
    const total = await one<{ n: number }>(
      `select count(*)::int as n from pg_policies where schemaname = 'public'`,
    )
    expect(total.n).toBe(133)
  })

  it('anon holds no privilege on any public table or rpc function', async () => {
    const tables = await sql(
      `select table_name, privilege_type from information_schema.role_table_grants
       where grantee = 'anon' and table_schema = 'public'`,
    )
    expect(tables).toEqual([])
    const functions = await sql<{ name: string }>(
      `select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'private') and has_function_privilege('anon', p.oid, 'execute')`,
    )
    expect(functions).toEqual([])
  })

  it('security definer functions pin an empty search_path', async () => {
    const loose = await sql<{ name: string }>(
      `select n.nspname || '.' || p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'private') and p.prosecdef
         and not coalesce(p.proconfig @> array['search_path=""'], false)`,
    )
    expect(loose).toEqual([])
  })

  it('the API roles cannot call the private security definer helpers', async () => {
    const callable = await sql<{ name: string }>(
      `select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'private' and p.prosecdef
         and (has_function_privilege('authenticated', p.oid, 'execute')
              or has_function_privilege('service_role', p.oid, 'execute'))`,
    )
    expect(callable).toEqual([])
  })

  it('the realtime tables are published with REPLICA IDENTITY FULL', async () => {
    const published = await sql<{ tablename: string; identity: string }>(
      `select p.tablename, c.relreplident as identity from pg_publication_tables p
       join pg_class c on c.relname = p.tablename and c.relnamespace = 'public'::regnamespace
       where p.pubname = 'supabase_realtime' and p.schemaname = 'public' order by 1`,
    )
    expect(published).toEqual(
      [...publishedTables].sort().map((tablename) => ({
        tablename,
        identity: 'f',
      })),
    )
  })

  it('the change feed trigger covers exactly the registry’s change-feed tables', async () => {
    const triggered = await sql<{ table: string }>(
      `select distinct c.relname as table from pg_trigger t
       join pg_class c on c.oid = t.tgrelid and c.relnamespace = 'public'::regnamespace
       where t.tgname = 'record_change' order by 1`,
    )
    expect(triggered.map((r) => r.table)).toEqual([...changeFeedTables].sort())
  })

  it('customer feed entries are written for exactly the registry’s customer tables', async () => {
    const { src } = await one<{ src: string }>(
      `select pg_get_functiondef('private.record_change()'::regprocedure) as src`,
    )
    // The branches that set `customer := …` name the tables whose rows customers may read.
    const lines = src.split('\n')
    const named = lines
      .flatMap((line, i) =>
        /tg_table_name/.test(line) && /customer :=/.test(lines[i + 1] ?? '')
          ? [...line.matchAll(/tg_table_name (?:in \(([^)]*)\)|= '(\w+)')/g)].flatMap((m) =>
              (m[1] ?? `'${m[2]}'`).split(',').map((t) => t.trim().replaceAll("'", '')),
            )
          : [],
      )
      .sort()
    expect(named).toEqual([...customerTables].sort())
  })

  it('the main RLS predicates use indexes', async () => {
    // Plans for the portal's and CRM's hottest reads; the rows are few, so ask for index plans.
    const client = new pg.Client({ connectionString: stackEnv().DB_URL })
    await client.connect()
    try {
      await client.query('begin')
      await client.query('set local enable_seqscan = off')
      await client.query(`select set_config('request.jwt.claims', $1, true)`, [
        JSON.stringify({ sub: '00000000-0000-4000-8000-000000000001', role: 'authenticated' }),
      ])
      await client.query('set local role authenticated')
      const plan = async (query: string) =>
        (await client.query<{ 'QUERY PLAN': string }>(`explain ${query}`)).rows
          .map((r) => r['QUERY PLAN'])
          .join('\n')
      expect(await plan('select * from public.jobs')).toMatch(/Index Scan|Bitmap Index Scan/)
      expect(await plan('select * from public.jobs')).toMatch(
        /jobs_customer_start_idx|jobs_org_start_idx/,
      )
      expect(await plan('select * from public.messages order by created_at')).toMatch(
        /messages_(customer|org)_idx/,
      )
      expect(await plan('select * from public.invoices')).toMatch(
        /invoices_(customer|org_status)_idx/,
      )
      expect(await plan('select * from public.loyalty_transactions')).toMatch(
        /loyalty_transactions_(customer|org)_idx/,
      )
      // The catch-up's read: entries after an id for one customer / one organization, in order.
      const after = (column: string) =>
        plan(
          `select * from public.realtime_table_events where ${column} = '00000000-0000-4000-8000-000000000002' and id >= 10 order by id limit 500`,
        )
      expect(await after('customer_id')).toMatch(/realtime_table_events_customer_idx/)
      expect(await after('organization_id')).toMatch(/realtime_table_events_org_idx/)
      await client.query('rollback')
    } finally {
      await client.end()
    }
  })

  it('the audit triggers record exactly the fields @repo/domain/audit labels', async () => {
    const triggers = await sql<{ table_name: string; args: string[] }>(
      `select c.relname as table_name,
              (select array_agg(a) from unnest(string_to_array(rtrim(encode(t.tgargs, 'escape'), '\\000'), '\\000')) as a) as args
       from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
       where p.proname in ('record_audit_event', 'record_customers_created') and not t.tgisinternal`,
    )
    const expected = Object.entries(auditedTables).map(([table, spec]) => [table, Object.keys(spec.fields)])
    const byTable = new Map<string, string[][]>()
    for (const t of triggers) byTable.set(t.table_name, [...(byTable.get(t.table_name) ?? []), t.args])
    expect([...byTable.keys()].sort()).toEqual(expected.map(([table]) => table).sort())
    for (const [table, fields] of expected) {
      for (const args of byTable.get(table as string) ?? []) expect(args, table as string).toEqual(fields)
    }
  })
})
