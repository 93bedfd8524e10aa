import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { withPg } from '../helpers.ts'
import { anonClient, restFetch } from './rest-helpers.ts'

const post = (path: string, body: BodyInit, type: string, headers: Record<string, string> = {}) =>
  restFetch(path, { method: 'POST', headers: { 'Content-Type': type, ...headers }, body })

/** A group of counters of its own, so tests never share rows. */
async function counters(hits: number[]): Promise<string> {
  const grp = `g-${randomUUID().slice(0, 8)}`
  await withPg(async (pg) => {
    for (const [i, h] of hits.entries()) {
      await pg.query(
        'insert into public.rpc_counters (id, grp, hits) values ((select coalesce(max(id), 0) + 1 + $3 from public.rpc_counters), $1, $2)',
        [grp, h, i],
      )
    }
  })
  return grp
}

/** postgrest-js offers maxAffected only to clients typed for PostgREST 13; these clients are untyped. */
function maxAffected<T>(builder: T, rows: number): T {
  return (builder as unknown as { maxAffected(n: number): T }).maxAffected(rows)
}

const hitsOf = (grp: string) =>
  withPg(async (pg) =>
    (
      await pg.query('select hits from public.rpc_counters where grp = $1 order by id', [grp])
    ).rows.map((r: { hits: number }) => r.hits),
  )

describe('rpc: row-type arguments', () => {
  const db = anonClient()

  it('takes a JSON object as a row argument and picks the overload by argument name', async () => {
    const byRow = await db.rpc('rpc_get_messages', {
      channel_row: { id: 1, slug: 'public', data: null },
    })
    expect(byRow.error).toBeNull()
    expect(byRow.data).toEqual([
      { id: 1, channel_id: 1, message: 'hello' },
      { id: 2, channel_id: 1, message: 'world' },
    ])
    const bySlug = await db.rpc('rpc_get_messages', { slug: 'random' }).select('message')
    expect(bySlug.data).toEqual([{ message: 'elsewhere' }])
  })

  it('fills a partial row with nulls, reads nested JSON columns, and takes arrays of rows', async () => {
    const partial = await db.rpc('rpc_channel_label', { channel: { id: 7, slug: 'x' } })
    expect(partial.error).toBeNull()
    expect(partial.data).toBe('x#7:-')
    const nested = await db.rpc('rpc_channel_label', {
      channel: { id: 2, slug: 'random', data: { topic: 'misc' } },
    })
    expect(nested.data).toBe('random#2:misc')
    const many = await db.rpc('rpc_channel_slugs', {
      channels: [
        { id: 2, slug: 'b' },
        { id: 1, slug: 'a' },
      ],
    })
    expect(many.error).toBeNull()
    expect(many.data).toBe('a,b')
  })

  it('answers a wrongly typed row field with PostgreSQL’s own error, never a 500', async () => {
    const res = await db.rpc('rpc_channel_label', { channel: { id: 'not a number' } })
    expect(res.status).toBe(400)
    expect(res.error?.code).toBe('22P02')
  })

  it('keeps every digit of a JSON number', async () => {
    const res = await restFetch('/rpc/rpc_big', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"n": 123456789012345678901234567890.5}',
    })
    expect(res.json).toBe('123456789012345678901234567890.5')
  })
})

describe('rpc: one unnamed argument', () => {
  const db = anonClient()

  it('passes the whole JSON body to a json or jsonb argument, as sent', async () => {
    const json = await post('/rpc/rpc_unnamed_json', '{"b": 1,  "a": [1, 2]}', 'application/json')
    expect(json.status).toBe(200)
    expect(json.text).toBe('{"b": 1,  "a": [1, 2]}')
    const jsonb = await db.rpc('rpc_unnamed_jsonb', { any: 'thing', n: 1 })
    expect(jsonb.data).toEqual({ any: 'thing', n: 1 })
    const keyed = await post('/rpc/rpc_unnamed_jsonb', '{"": 5}', 'application/json')
    expect(keyed.json).toEqual({ '': 5 })
    const array = await post('/rpc/rpc_unnamed_jsonb', '[{"a": 1}, {"a": 2}]', 'application/json')
    expect(array.json).toEqual([{ a: 1 }, { a: 2 }])
    const empty = await restFetch('/rpc/rpc_unnamed_jsonb', { method: 'POST' })
    expect(empty.json).toEqual({})
  })

  it('hands the JSON text to a lone unnamed argument named by an empty key', async () => {
    const text = await post('/rpc/rpc_unnamed_text', '{"": "x"}', 'application/json')
    expect(text.json).toBe('got: {"": "x"}')
  })

  it('answers PGRST202 for Prefer: params=single-object without a lone json argument', async () => {
    const res = await post('/rpc/rpc_defaults', '{"a": 1}', 'application/json', {
      Prefer: 'params=single-object',
    })
    expect(res.status).toBe(404)
    expect(res.json).toEqual({
      code: 'PGRST202',
      message: 'Could not find the function public.rpc_defaults in the schema cache',
      details:
        'Searched for the function public.rpc_defaults with a single json/jsonb parameter, but no matches were found in the schema cache.',
      hint: null,
    })
  })

  it('reads text/plain, text/xml and application/octet-stream bodies', async () => {
    const text = await post('/rpc/rpc_unnamed_text', 'plain words', 'text/plain; charset=utf-8')
    expect(text.status).toBe(200)
    expect(text.json).toBe('got: plain words')
    const xml = await post('/rpc/rpc_unnamed_xml', '<a><b>1</b></a>', 'text/xml')
    expect(xml.json).toBe('<a><b>1</b></a>')
    const bytes = await post(
      '/rpc/rpc_unnamed_bytea',
      new Blob([new Uint8Array([0, 1, 254, 255])]),
      'application/octet-stream',
    )
    expect(bytes.json).toBe('4:0001feff')
  })

  it('answers PGRST202 naming the raw type, with a null hint, when no function takes it', async () => {
    const res = await post('/rpc/rpc_unnamed_jsonb', 'words', 'text/plain')
    expect(res.status).toBe(404)
    expect(res.json).toEqual({
      code: 'PGRST202',
      message: 'Could not find the function public.rpc_unnamed_jsonb in the schema cache',
      details:
        'Searched for the function public.rpc_unnamed_jsonb with a single unnamed text parameter, but no matches were found in the schema cache.',
      hint: null,
    })
    const bytes = await post(
      '/rpc/rpc_unnamed_text',
      new Blob([new Uint8Array([1])]),
      'application/octet-stream',
    )
    expect(bytes.json).toMatchObject({
      details:
        'Searched for the function public.rpc_unnamed_text with a single unnamed bytea parameter, but no matches were found in the schema cache.',
    })
  })

  it('cannot reach a function whose lone unnamed argument no body can fill', async () => {
    const res = await post('/rpc/rpc_unnamed_int', '{"": 5}', 'application/json')
    expect(res.status).toBe(404)
    expect(res.json).toEqual({
      code: 'PGRST202',
      message: 'Could not find the function public.rpc_unnamed_int() in the schema cache',
      details:
        'Searched for the function public.rpc_unnamed_int with parameter  or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.',
      // Left out of the schema cache, so the closest callable name is suggested.
      hint: 'Perhaps you meant to call the function public.rpc_unnamed_text',
    })
  })
})

describe('rpc: choosing among overloads', () => {
  const db = anonClient()

  it('ignores overloads the argument names cannot call', async () => {
    expect((await db.rpc('rpc_pick', { b: 'x' })).data).toBe('b text')
    expect((await db.rpc('rpc_pick', { a: 1 })).data).toBe('a int')
    expect((await db.rpc('rpc_pick', { a: 1, b: 'x' })).data).toBe('a int, b text')
    expect((await db.rpc('rpc_pick', { b: 'x' }, { get: true })).data).toBe('b text')
  })

  it('prefers the named overload, and falls back to the one taking the whole body', async () => {
    expect((await db.rpc('rpc_fallback', { x: 1 })).data).toBe('named x')
    expect((await db.rpc('rpc_fallback', { y: 1 })).data).toBe('whole body {"y": 1}')
  })

  it('fills defaults, and refuses unknown or missing required arguments', async () => {
    expect((await db.rpc('rpc_defaults', { a: 1 })).data).toBe(321)
    expect((await db.rpc('rpc_defaults', { a: 1, c: 3 })).data).toBe(24)
    const missing = await db.rpc('rpc_defaults', { b: 1 })
    expect(missing.status).toBe(404)
    expect(missing.error).toEqual({
      code: 'PGRST202',
      message: 'Could not find the function public.rpc_defaults(b) in the schema cache',
      details:
        'Searched for the function public.rpc_defaults with parameter b or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.',
      // One-letter names share no n-grams with "(a, b, c)": PostgREST suggests nothing either.
      hint: null,
    })
  })

  it('words PGRST202 as PostgREST: sorted names, "without parameters", fuzzy hints', async () => {
    const get = await restFetch('/rpc/rpc_defaults?c=1&zz=2&a=1')
    expect(get.json).toEqual({
      code: 'PGRST202',
      message: 'Could not find the function public.rpc_defaults(a, c, zz) in the schema cache',
      details:
        'Searched for the function public.rpc_defaults with parameters a, c, zz, but no matches were found in the schema cache.',
      hint: 'Perhaps you meant to call the function public.rpc_defaults(a, b, c)',
    })
    const typo = await restFetch('/rpc/rpc_pik')
    expect(typo.status).toBe(404)
    expect(typo.json).toEqual({
      code: 'PGRST202',
      message: 'Could not find the function public.rpc_pik without parameters in the schema cache',
      details:
        'Searched for the function public.rpc_pik without parameters, but no matches were found in the schema cache.',
      hint: 'Perhaps you meant to call the function public.rpc_pick',
    })
    const nothingClose = await restFetch('/rpc/zzzzqqq')
    expect(nothingClose.json).toMatchObject({ code: 'PGRST202', hint: null })
  })

  it('answers 300 PGRST203 listing the candidates as fn(name => type)', async () => {
    const res = await restFetch('/rpc/rpc_same?arg=value')
    expect(res.status).toBe(300)
    expect(res.json).toEqual({
      code: 'PGRST203',
      message:
        'Could not choose the best candidate function between: public.rpc_same(arg => integer), public.rpc_same(arg => xml), public.rpc_same(arg => text, num => integer)',
      details: null,
      hint: 'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
    })
  })

  it('collects a repeated query argument into a variadic array', async () => {
    expect((await restFetch('/rpc/rpc_variadic?v=a&v=b&v=c')).json).toBe('a|b|c')
    expect((await anonClient().rpc('rpc_variadic', { v: ['x', 'y'] })).data).toBe('x|y')
  })

  it('reads forms, uses the first object of an array body, and filters with the query on POST', async () => {
    const form = await post('/rpc/rpc_defaults', 'a=1&c=3', 'application/x-www-form-urlencoded')
    expect(form.json).toBe(24)
    const variadic = await post('/rpc/rpc_variadic', 'v=a&v=b', 'application/x-www-form-urlencoded')
    expect(variadic.json).toBe('a|b')
    const array = await post('/rpc/rpc_defaults', '[{"a": 1}, {"a": 2}]', 'application/json')
    expect(array.json).toBe(321)
    const mixed = await post('/rpc/rpc_defaults', '[{"a": 1}, {"b": 2}]', 'application/json')
    expect(mixed.status).toBe(400)
    expect(mixed.json).toEqual({
      code: 'PGRST102',
      message: 'All object keys must match',
      details: null,
      hint: null,
    })
    const columns = await post(
      '/rpc/rpc_defaults?columns=a',
      '{"a": 1, "zz": 2}',
      'application/json',
    )
    expect(columns.json).toBe(321)
    // On POST the query string only filters: a plain `a=5` is a malformed filter, as in PostgREST.
    const queryArg = await post('/rpc/rpc_defaults?a=5', '{"a": 1}', 'application/json')
    expect(queryArg.status).toBe(400)
    expect(queryArg.json).toMatchObject({ code: 'PGRST100' })
  })

  it('refuses other methods with 405 PGRST101', async () => {
    const res = await restFetch('/rpc/rpc_defaults', { method: 'DELETE' })
    expect(res.status).toBe(405)
    expect(res.json).toEqual({
      code: 'PGRST101',
      message: 'Cannot use the DELETE method on RPC',
      details: null,
      hint: null,
    })
  })
})

describe('rpc: result shapes', () => {
  const db = anonClient()

  it('answers one OUT or INOUT argument as an object and one TABLE column as rows', async () => {
    expect((await db.rpc('rpc_single_out', { num: 5 })).data).toEqual({ num_plus_one: 6 })
    expect((await db.rpc('rpc_single_inout', { num: 5 }, { get: true })).data).toEqual({ num: 10 })
    const rows = await db.rpc('rpc_single_column', { n: 3 }).gt('value', 1)
    expect(rows.data).toEqual([{ value: 2 }, { value: 3 }])
  })
})

describe('rpc: counts and max-affected', () => {
  const db = anonClient()

  it('counts one row for a scalar and the whole set for a set', async () => {
    const scalar = await restFetch('/rpc/rpc_defaults?a=1', { headers: { Prefer: 'count=exact' } })
    expect(scalar.json).toBe(321)
    expect(scalar.headers.get('content-range')).toBe('0-0/1')
    const uncounted = await restFetch('/rpc/rpc_defaults?a=1')
    expect(uncounted.headers.get('content-range')).toBe('0-0/*')
    const viaClient = await db.rpc('rpc_defaults', { a: 1 }, { count: 'exact' })
    expect(viaClient.count).toBe(1)
    const set = await db.rpc('rpc_numbers', { n: 5 }, { count: 'exact' }).range(1, 2)
    expect(set.data).toEqual([2, 3])
    expect(set.count).toBe(5)
    expect(set.status).toBe(206)
    const rows = await db.rpc('rpc_get_messages', { slug: 'public' }, { count: 'exact' })
    expect(rows.count).toBe(2)
  })

  it('pages sets with limit/offset, and with the Range header on GET only (not HEAD or POST)', async () => {
    const get = await restFetch('/rpc/rpc_numbers?n=5', { headers: { Range: '1-2' } })
    expect(get.json).toEqual([2, 3])
    expect(get.headers.get('content-range')).toBe('1-2/*')
    const posted = await post('/rpc/rpc_numbers', '{"n": 5}', 'application/json', { Range: '1-2' })
    expect(posted.json).toEqual([1, 2, 3, 4, 5])
    expect(posted.headers.get('content-range')).toBe('0-4/*')
    const head = await restFetch('/rpc/rpc_numbers?n=5', {
      method: 'HEAD',
      headers: { Range: '1-2', Prefer: 'count=exact' },
    })
    expect(head.headers.get('content-range')).toBe('0-4/5')
    const limited = await post('/rpc/rpc_numbers?limit=2&offset=3', '{"n": 5}', 'application/json')
    expect(limited.json).toEqual([4, 5])
    const single = await db.rpc('rpc_numbers', { n: 1 }).single()
    expect(single.data).toBe(1)
    const notSingle = await db.rpc('rpc_numbers', { n: 2 }).single()
    expect(notSingle.status).toBe(406)
    expect(notSingle.error?.code).toBe('PGRST116')
  })

  it('rolls back a set-returning call over max-affected with PGRST124', async () => {
    const grp = await counters([0, 0, 0])
    const over = await maxAffected(db.rpc('rpc_bump', { p_grp: grp }), 2)
    expect(over.status).toBe(400)
    expect(over.error).toEqual({
      code: 'PGRST124',
      message: 'Query result exceeds max-affected preference constraint',
      details: 'The query affects 3 rows',
      hint: null,
    })
    expect(await hitsOf(grp)).toEqual([0, 0, 0])
    const within = await maxAffected(db.rpc('rpc_bump', { p_grp: grp }).select('hits'), 3)
    expect(within.error).toBeNull()
    expect(within.data).toEqual([{ hits: 1 }, { hits: 1 }, { hits: 1 }])
    expect(await hitsOf(grp)).toEqual([1, 1, 1])
  })

  it('counts a scalar call as one row, and ignores max-affected without handling=strict', async () => {
    const grp = await counters([0, 0])
    const strict = await restFetch('/rpc/rpc_bump_count', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Prefer: 'handling=strict, max-affected=0' },
      body: JSON.stringify({ p_grp: grp }),
    })
    expect(strict.status).toBe(400)
    expect(strict.json).toMatchObject({ code: 'PGRST124', details: 'The query affects 1 rows' })
    expect(await hitsOf(grp)).toEqual([0, 0])
    const lenient = await restFetch('/rpc/rpc_bump', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Prefer: 'max-affected=1' },
      body: JSON.stringify({ p_grp: grp }),
    })
    expect(lenient.status).toBe(200)
    expect(lenient.headers.get('preference-applied')).toBeNull()
    expect(await hitsOf(grp)).toEqual([1, 1])
    const applied = await maxAffected(db.rpc('rpc_bump', { p_grp: grp }, { count: 'exact' }), 5)
    expect(applied.count).toBe(2)
    // Counting does not run the function twice.
    expect(await hitsOf(grp)).toEqual([2, 2])
  })

  it('keeps computed columns on the counted rows of a volatile function', async () => {
    const res = await db
      .rpc('rpc_volatile_authors', {}, { count: 'exact' })
      .select('id, display_name')
      .lte('id', 2)
    expect(res.error).toBeNull()
    expect(res.count).toBe(2)
    expect(res.data).toEqual([
      { id: 1, display_name: 'Ada (UK)' },
      { id: 2, display_name: 'Brian (US)' },
    ])
  })
})
