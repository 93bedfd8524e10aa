import { randomUUID } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { withPg } from '../helpers.ts'
import { anonClient, createTestUser, restFetch } from './rest-helpers.ts'

describe('REST schema cache', () => {
  it('sees a table created by DDL without a restart (event trigger)', async () => {
    const table = `rest_new_${randomUUID().slice(0, 8)}`
    const before = await restFetch(`/${table}`)
    expect(before.status).toBe(404)
    expect(before.json.code).toBe('PGRST205')
    await withPg((db) =>
      db.query(`
        create table public.${table} (id int primary key, label text);
        alter table public.${table} enable row level security;
        create policy "read" on public.${table} for select using (true);
        insert into public.${table} values (1, 'fresh');`),
    )
    await vi.waitFor(
      async () =>
        expect((await restFetch(`/${table}?select=label`)).json).toEqual([{ label: 'fresh' }]),
      {
        timeout: 10_000,
        interval: 50,
      },
    )
    await withPg((db) => db.query(`alter table public.${table} add column extra int default 7`))
    await vi.waitFor(
      async () => expect((await restFetch(`/${table}?select=extra`)).json).toEqual([{ extra: 7 }]),
      {
        timeout: 10_000,
        interval: 50,
      },
    )
    await withPg((db) => db.query(`drop table public.${table}`))
    await vi.waitFor(async () => expect((await restFetch(`/${table}`)).status).toBe(404), {
      timeout: 10_000,
      interval: 50,
    })
  })

  it("reloads on NOTIFY pgrst, 'reload schema'", async () => {
    const fn = `rest_fn_${randomUUID().slice(0, 8)}`
    // With session_replication_role = replica the DDL event trigger stays quiet, so only NOTIFY can reload.
    await withPg(async (db) => {
      await db.query('set session_replication_role = replica')
      await db.query(
        `create function public.${fn}() returns int language sql immutable as $$ select 42 $$`,
      )
      await db.query(`notify pgrst, 'reload schema'`)
    })
    await vi.waitFor(async () => expect((await anonClient().rpc(fn)).data).toBe(42), {
      timeout: 10_000,
      interval: 50,
    })
  })
})

describe('REST profiles: other exposed schemas', () => {
  it('reads with Accept-Profile and writes with Content-Profile', async () => {
    const user = await createTestUser('profile')
    const extra = user.client.schema('rest_extra')
    const read = await extra.from('widgets').select('name').order('id').limit(2)
    expect(read.error).toBeNull()
    expect(read.data).toEqual([{ name: 'sprocket' }, { name: 'gear' }])
    const name = `w-${randomUUID().slice(0, 6)}`
    const write = await extra.from('widgets').insert({ name }).select('name').single()
    expect(write.error).toBeNull()
    expect(write.data).toEqual({ name })
    const stored = await withPg(
      async (db) =>
        (
          await db.query('select count(*)::int as n from rest_extra.widgets where name = $1', [
            name,
          ])
        ).rows[0],
    )
    expect(stored).toEqual({ n: 1 })
    // The default schema does not have it.
    const missing = await user.client.from('widgets').select('*')
    expect(missing.status).toBe(404)
    expect(missing.error?.code).toBe('PGRST205')
  })

  it('refuses a schema that is not exposed', async () => {
    const res = await anonClient().schema('auth').from('users').select('*')
    expect(res.status).toBe(406)
    expect(res.error?.code).toBe('PGRST106')
    expect(res.error?.message).toContain('public, rest_extra')
  })
})
