import { beforeAll, describe, expect, it } from 'vitest'
import { stackEnv, uniqueEmail, withPg } from '../helpers.ts'
import { createTestUser, restFetch, type TestUser, uniqueBatch } from './rest-helpers.ts'

/** `[[[…1…]]]` as text: built without JSON.stringify, which is what overflows at this depth. */
const nestedArrays = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`

const rowsIn = (batch: string) =>
  withPg(
    async (db) =>
      (
        await db.query(
          "select sku, name, encode(convert_to(sku, 'UTF8'), 'hex') as sku_hex, meta from public.rest_items where batch = $1 order by sku",
          [batch],
        )
      ).rows,
  )

describe('REST JSON bodies: nesting depth, text Postgres can hold, content type', () => {
  let user: TestUser
  let json: Record<string, string>
  beforeAll(async () => {
    user = await createTestUser('json')
    json = { Authorization: `Bearer ${user.token}`, 'Content-Type': 'application/json' }
  })

  it('refuses a body nested 10,000 levels deep with 400 PGRST102 naming the limit (insert, update, rpc)', async () => {
    const batch = uniqueBatch()
    const seeded = await user.client.from('rest_items').insert({ batch, sku: `${batch}-1` })
    expect(seeded.error).toBeNull()
    const deep = nestedArrays(10_000)
    const attempts = [
      restFetch('/rest_items', {
        method: 'POST',
        headers: json,
        body: `{"batch":"${batch}","sku":"${batch}-2","meta":${deep}}`,
      }),
      restFetch(`/rest_items?batch=eq.${batch}`, {
        method: 'PATCH',
        headers: json,
        body: `{"meta":${deep}}`,
      }),
      restFetch('/rpc/rest_echo', { method: 'POST', headers: json, body: `{"payload":${deep}}` }),
    ]
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(400)
      expect(res.json.code).toBe('PGRST102')
      expect(res.json.message).toMatch(/\b128 levels\b/)
    }
    expect((await rowsIn(batch)).map((r) => [r.sku, r.meta])).toEqual([[`${batch}-1`, null]])
  })

  it('stores and returns a document nested well within the limit unchanged', async () => {
    const batch = uniqueBatch()
    let meta: unknown = { leaf: true }
    for (let i = 0; i < 100; i++) meta = i % 2 ? { next: meta } : [meta]
    const res = await user.client
      .from('rest_items')
      .insert({ batch, sku: `${batch}-1`, meta })
      .select('meta')
      .single()
    expect(res.error).toBeNull()
    expect(res.data).toEqual({ meta })
  })

  it('the auth service reads bodies the same way: deep user metadata is a 400, not a 500', async () => {
    const env = stackEnv()
    const res = await fetch(`${env.API_URL}/auth/v1/signup`, {
      method: 'POST',
      headers: { apikey: env.ANON_KEY, 'Content-Type': 'application/json' },
      body: `{"email":"${uniqueEmail('deep')}","password":"a-long-password-1","data":${nestedArrays(10_000)}}`,
    })
    expect(res.status).toBe(400)
  })

  it('refuses a body that is not valid UTF-8 instead of storing U+FFFD', async () => {
    const batch = uniqueBatch()
    const body = Buffer.concat([
      Buffer.from(`{"batch":"${batch}","sku":"${batch}-`),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}'),
    ])
    const res = await restFetch('/rest_items', { method: 'POST', headers: json, body })
    expect(res.status).toBe(400)
    expect(res.json.code).toBe('PGRST102')
    expect(res.json.details).toMatch(/UTF-8/)
    expect(await rowsIn(batch)).toEqual([])
  })

  it('refuses a write whose Content-Type is not JSON; no Content-Type at all is read as JSON', async () => {
    const batch = uniqueBatch()
    const row = JSON.stringify({ batch, sku: `${batch}-plain` })
    const plain = await restFetch('/rest_items', {
      method: 'POST',
      headers: { ...json, 'Content-Type': 'text/plain' },
      body: row,
    })
    expect(plain.status).toBe(400)
    expect(plain.json).toEqual({
      code: 'PGRST102',
      message: 'Content-Type not acceptable: text/plain',
      details: null,
      hint: 'Send the body as application/json',
    })
    const rpc = await restFetch('/rpc/rest_echo', {
      method: 'POST',
      headers: { ...json, 'Content-Type': 'image/png' },
      body: 'payload=1',
    })
    expect(rpc.status).toBe(400)
    expect(rpc.json.message).toBe('Content-Type not acceptable: image/png')
    expect(await rowsIn(batch)).toEqual([])
    // A byte body makes fetch send no Content-Type: PostgREST reads that as JSON, and so do we.
    const untyped = await restFetch('/rest_items', {
      method: 'POST',
      headers: { Authorization: json.Authorization as string },
      body: new TextEncoder().encode(JSON.stringify({ batch, sku: `${batch}-untyped` })),
    })
    expect(untyped.status).toBe(201)
    const charset = await restFetch('/rest_items', {
      method: 'POST',
      headers: { ...json, 'Content-Type': 'Application/JSON; charset=utf-8' },
      body: JSON.stringify({ batch, sku: `${batch}-charset` }),
    })
    expect(charset.status).toBe(201)
    expect((await rowsIn(batch)).map((r) => r.sku)).toEqual([
      `${batch}-charset`,
      `${batch}-untyped`,
    ])
  })

  it('refuses NUL characters and unpaired surrogates in strings and keys, never storing them altered', async () => {
    const batch = uniqueBatch()
    const bodies: Array<[string, string, string, RegExp]> = [
      // A text argument bound directly: an unpaired surrogate would be written as U+FFFD.
      [
        '/rpc/rest_add_item',
        'POST',
        `{"p_batch":"${batch}","p_sku":"${batch}-\\ud800"}`,
        /unpaired surrogate/,
      ],
      ['/rpc/rest_add_item', 'POST', `{"p_batch":"${batch}","p_sku":"a\\u0000b"}`, /NUL/],
      ['/rest_items', 'POST', `{"batch":"${batch}","sku":"${batch}-\\udfff-x"}`, /unpaired/],
      ['/rest_items', 'POST', `{"batch":"${batch}","sku":"x","me\\u0000ta":1}`, /NUL/],
      [`/rest_items?batch=eq.${batch}`, 'PATCH', '{"name":"\\u0000"}', /NUL/],
    ]
    for (const [path, method, body, message] of bodies) {
      const res = await restFetch(path, {
        method,
        headers: { ...json, Prefer: 'missing=default' },
        body,
      })
      expect(res.status, body).toBe(400)
      expect(res.json.code, body).toBe('PGRST102')
      expect(res.json.message, body).toMatch(message)
    }
    // A well-formed pair (an emoji) is ordinary text.
    const emoji = await restFetch('/rpc/rest_add_item', {
      method: 'POST',
      headers: json,
      body: `{"p_batch":"${batch}","p_sku":"${batch}-\\ud83d\\ude00"}`,
    })
    expect(emoji.status).toBe(200)
    expect((await rowsIn(batch)).map((r) => r.sku)).toEqual([`${batch}-😀`])
  })

  it('checks the keys of a bulk insert whose rows have thousands of keys', async () => {
    const first: Record<string, number> = {}
    for (let i = 0; i < 20_000; i++) first[`k${i}`] = i
    const second = { ...first, extra: 1 }
    const res = await restFetch('/rest_items', {
      method: 'POST',
      headers: json,
      body: JSON.stringify([first, second]),
    })
    expect(res.status).toBe(400)
    expect(res.json.code).toBe('PGRST102')
    expect(res.json.details).toMatch(/keys must match/)
  })
})
