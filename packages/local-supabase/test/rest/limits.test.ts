import path from 'node:path'
import { createClient } from '@supabase/supabase-js'
import { SignJWT } from 'jose'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { startTestStack, type TestStack } from '../../src/testing/index.ts'

// A private stack with tight limits: max rows, statement timeout and body size are per-stack settings.
let stack: TestStack

const sign = (claims: Record<string, unknown>) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(stack.info.JWT_SECRET))

const client = (token?: string) =>
  createClient(stack.info.API_URL, stack.info.ANON_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
    global: { headers: token ? { Authorization: `Bearer ${token}` } : {} },
  })

beforeAll(async () => {
  stack = await startTestStack({
    config: {
      migrationsDir: path.resolve(import.meta.dirname, '..', 'fixtures', 'migrations'),
      maxRows: 3,
      statementTimeoutMs: 300,
      maxBodyBytes: 4096,
    },
  })
}, 120_000)

afterAll(async () => {
  await stack?.stop()
})

describe('REST limits', () => {
  it('caps every top-level read at max rows, with the total still counted', async () => {
    const all = await client().from('rest_books').select('id', { count: 'exact' }).order('id')
    expect(all.data).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }])
    expect(all.count).toBe(5)
    expect(all.status).toBe(206)
    const asked = await client().from('rest_books').select('id').order('id').limit(10)
    expect(asked.data?.length).toBe(3)
  })

  it('stops a statement at the per-request timeout (57014)', async () => {
    const res = await client().rpc('rest_slow', { seconds: 5 })
    expect(res.error?.code).toBe('57014')
    expect(res.error?.message).toContain('statement timeout')
  })

  it('refuses a body over the limit before touching the database', async () => {
    const token = await sign({ role: 'authenticated', sub: '00000000-0000-0000-0000-000000000042' })
    const res = await client(token)
      .from('rest_items')
      .insert({ batch: 'big', sku: 'big-1', name: 'x'.repeat(5000) })
    expect(res.status).toBe(413)
    expect(res.error?.code).toBe('PGRST102')
    const db = new pg.Client({ connectionString: stack.info.DB_URL })
    await db.connect()
    try {
      const { rows } = await db.query(
        "select count(*)::int as n from public.rest_items where batch = 'big'",
      )
      expect(rows[0]).toEqual({ n: 0 })
    } finally {
      await db.end()
    }
  })

  it('accepts a custom role once it is granted to authenticator (after a schema reload)', async () => {
    const token = await sign({ role: 'rest_auditor' })
    const before = await client(token).from('rest_books').select('id').limit(1)
    expect(before.status).toBe(401)
    const db = new pg.Client({ connectionString: stack.info.DB_URL })
    await db.connect()
    try {
      await db.query(`
        create role rest_auditor nologin;
        grant usage on schema public to rest_auditor;
        grant select on public.rest_books to rest_auditor;
        grant rest_auditor to authenticator;
        notify pgrst, 'reload schema';`)
    } finally {
      await db.end()
    }
    await vi.waitFor(
      async () =>
        expect((await client(token).from('rest_books').select('id').eq('id', 1)).data).toEqual([
          { id: 1 },
        ]),
      {
        timeout: 10_000,
        interval: 50,
      },
    )
    // Its grants are its own: no access to a table it was not given.
    const denied = await client(token).from('rest_tags').select('*')
    expect(denied.status).toBe(403)
    expect(denied.error?.code).toBe('42501')
  })
})
