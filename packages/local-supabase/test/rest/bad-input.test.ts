import { beforeAll, describe, expect, it } from 'vitest'
import { withPg } from '../helpers.ts'
import { createTestUser, restFetch, type TestUser, uniqueBatch } from './rest-helpers.ts'

/** A fingerprint of every row the write tests could touch, to prove bad requests change nothing. */
const snapshot = () =>
  withPg(async (db) => {
    const items = await db.query(
      "select md5(string_agg(t::text, '|' order by id)) as h, count(*) from public.rest_items t where batch = $1",
      [batchName],
    )
    const authors = await db.query(
      "select md5(string_agg(t::text, '|' order by id)) as h from public.rest_authors t",
    )
    return { items: items.rows[0], authors: authors.rows[0] }
  })

let batchName = ''

describe('REST bad input: a clear 4xx, never a 500, never a changed row', () => {
  let user: TestUser
  let auth: Record<string, string>
  let before: Awaited<ReturnType<typeof snapshot>>

  beforeAll(async () => {
    user = await createTestUser('bad')
    auth = { Authorization: `Bearer ${user.token}` }
    batchName = uniqueBatch()
    const res = await user.client.from('rest_items').insert([
      { batch: batchName, sku: `${batchName}-1`, qty: 1 },
      { batch: batchName, sku: `${batchName}-2`, qty: 2 },
    ])
    expect(res.error).toBeNull()
    before = await snapshot()
  })

  const expectUnchanged = async () => expect(await snapshot()).toEqual(before)

  const cases: Array<[string, string, number, string]> = [
    ['malformed eq (no dot)', '/rest_items?qty=eq', 400, 'PGRST100'],
    ['unknown operator', '/rest_items?qty=foo.1', 400, 'PGRST100'],
    ['bad is value', '/rest_items?qty=is.maybe', 400, 'PGRST100'],
    ['in without parentheses', '/rest_items?qty=in.1,2', 400, 'PGRST100'],
    ['unterminated quote in list', '/rest_items?sku=in.("a,b)', 400, 'PGRST100'],
    ['any without braces', '/rest_items?qty=eq(any).1', 400, 'PGRST100'],
    ['modifier on wrong operator', '/rest_items?qty=in(any).(1)', 400, 'PGRST100'],
    ['unbalanced or', '/rest_items?or=(qty.eq.1,qty.eq.2', 400, 'PGRST100'],
    ['or without parentheses', '/rest_items?or=qty.eq.1', 400, 'PGRST100'],
    ['empty or', '/rest_items?or=()', 400, 'PGRST100'],
    ['bad select', '/rest_items?select=id,(', 400, 'PGRST100'],
    ['bad select cast', '/rest_items?select=id::text;drop', 400, 'PGRST100'],
    ['bad order', '/rest_items?order=qty.sideways', 400, 'PGRST100'],
    ['bad limit', '/rest_items?limit=-1', 400, 'PGRST100'],
    ['bad offset', '/rest_items?offset=abc', 400, 'PGRST100'],
    [
      'fts language with SQL',
      "/rest_things?body=fts(english');drop table x;--).fox",
      400,
      'PGRST100',
    ],
    ['unknown column in filter', '/rest_items?nope=eq.1', 400, '42703'],
    ['unknown column in select', '/rest_items?select=nope', 400, '42703'],
    ['SQL in a column name', '/rest_items?select=id,"qty; drop table rest_items"', 400, '42703'],
    ['SQL in an order column', '/rest_items?order=qty;delete', 400, 'PGRST100'],
    ['unknown table', '/rest_nope', 404, 'PGRST205'],
    ['SQL in a table name', '/rest_items;drop%20table%20rest_items', 404, 'PGRST205'],
    ['wrong type in filter', '/rest_items?qty=eq.many', 400, '22P02'],
    ['wrong type in in-list', '/rest_items?qty=in.(1,x)', 400, '22P02'],
    ['bad range literal', '/rest_things?during=cs.[1,', 400, '22P02'],
    ['unknown embed', '/rest_items?select=*,rest_nope(*)', 400, 'PGRST200'],
    ['unknown function', '/rpc/rest_nope', 404, 'PGRST202'],
    ['unknown schema', '/rest_items', 406, 'PGRST106'],
  ]

  for (const [name, path, status, code] of cases) {
    it(`GET: ${name} -> ${status} ${code}`, async () => {
      const headers = name === 'unknown schema' ? { ...auth, 'Accept-Profile': 'secret' } : auth
      const res = await restFetch(path, { headers })
      expect(res.status).toBe(status)
      expect(res.json.code).toBe(code)
      expect(typeof res.json.message).toBe('string')
      expect(res.text).not.toMatch(/\bat .*\.ts:\d+/)
      await expectUnchanged()
    })
  }

  it('SQL in a filter value is only ever a value', async () => {
    const res = await restFetch(
      `/rest_items?batch=eq.${encodeURIComponent("x'); delete from rest_items; --")}`,
      { headers: auth },
    )
    expect(res.status).toBe(200)
    expect(res.json).toEqual([])
    const like = await restFetch(
      `/rest_items?select=sku&sku=like.${encodeURIComponent(`${batchName}%' or '1'='1`)}`,
      { headers: auth },
    )
    expect(like.json).toEqual([])
    await expectUnchanged()
  })

  it('a huge in-list is answered', async () => {
    const ids = Array.from({ length: 2000 }, (_, i) => i + 1)
    const res = await user.client
      .from('rest_items')
      .select('sku')
      .in('qty', ids)
      .eq('batch', batchName)
      .order('sku')
    expect(res.error).toBeNull()
    expect(res.data).toEqual([{ sku: `${batchName}-1` }, { sku: `${batchName}-2` }])
    await expectUnchanged()
  })

  const writes: Array<[string, string, string, RequestInit['body'], number, string]> = [
    ['invalid JSON body', 'POST', '/rest_items', '{"batch": ', 400, 'PGRST102'],
    ['empty body', 'POST', '/rest_items', '', 400, 'PGRST102'],
    ['scalar body', 'POST', '/rest_items', '42', 400, 'PGRST102'],
    ['array of scalars', 'POST', '/rest_items', '[1,2]', 400, 'PGRST102'],
    [
      'unknown column in body',
      'POST',
      '/rest_items',
      '{"batch":"x","sku":"y","nope":1}',
      400,
      'PGRST204',
    ],
    [
      'mismatched keys in bulk',
      'POST',
      '/rest_items',
      '[{"batch":"x","sku":"y"},{"batch":"x"}]',
      400,
      'PGRST102',
    ],
    [
      'unknown column in columns=',
      'POST',
      '/rest_items?columns=batch,nope',
      '{"batch":"x"}',
      400,
      'PGRST204',
    ],
    [
      'unknown on_conflict column',
      'POST',
      '/rest_items?on_conflict=nope',
      '{"batch":"x","sku":"z"}',
      400,
      'PGRST204',
    ],
    [
      'wrong type in body',
      'POST',
      '/rest_items',
      '{"batch":"x","sku":"w","qty":"lots"}',
      400,
      '22P02',
    ],
    ['PATCH with an array', 'PATCH', '/rest_items?sku=eq.x', '[{"qty":1}]', 400, 'PGRST102'],
    ['PATCH unknown column', 'PATCH', `/rest_items?batch=eq.BATCH`, '{"nope":1}', 400, 'PGRST204'],
    ['PATCH wrong type', 'PATCH', `/rest_items?batch=eq.BATCH`, '{"qty":"x"}', 400, '22P02'],
    ['PATCH violating a check', 'PATCH', `/rest_items?batch=eq.BATCH`, '{"qty":-5}', 400, '23514'],
    ['PATCH with a malformed filter', 'PATCH', `/rest_items?qty=gt`, '{"qty":0}', 400, 'PGRST100'],
    [
      'DELETE with a malformed filter',
      'DELETE',
      `/rest_items?batch=eq.BATCH&or=(qty.eq.1`,
      undefined,
      400,
      'PGRST100',
    ],
    [
      'DELETE with an unknown column',
      'DELETE',
      `/rest_items?batch=eq.BATCH&nope=eq.1`,
      undefined,
      400,
      '42703',
    ],
    ['rpc with a JSON array body', 'POST', '/rpc/rest_add', '[1,2]', 400, 'PGRST102'],
    ['rpc with a wrong argument type', 'POST', '/rpc/rest_add', '{"a":"x","b":1}', 400, '22P02'],
    ['PATCH without filters', 'PATCH', '/rest_items', '{"qty":0}', 400, '21000'],
    ['DELETE without filters', 'DELETE', '/rest_items', undefined, 400, '21000'],
    [
      'PUT not addressed by the primary key',
      'PUT',
      '/rest_items?sku=eq.x',
      '{"qty":1}',
      405,
      'PGRST105',
    ],
    [
      'PUT whose body disagrees with the URL',
      'PUT',
      '/rest_items?id=eq.1',
      '{"id":2,"batch":"x","sku":"p"}',
      400,
      'PGRST115',
    ],
    ['unsupported method', 'PROPFIND', '/rest_items', undefined, 405, 'PGRST117'],
  ]

  for (const [name, method, rawPath, body, status, code] of writes) {
    it(`${method}: ${name} -> ${status} ${code}`, async () => {
      const path = rawPath.replace('BATCH', batchName)
      const res = await restFetch(path, {
        method,
        headers: { ...auth, 'Content-Type': 'application/json' },
        body,
      })
      expect(res.status).toBe(status)
      expect(res.json.code).toBe(code)
      await expectUnchanged()
    })
  }

  it('a body over the size limit is refused with 413', async () => {
    const res = await restFetch('/rest_items', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        batch: batchName,
        sku: 'big',
        meta: { blob: 'x'.repeat(2 * 1024 * 1024) },
      }),
    })
    expect(res.status).toBe(413)
    expect(res.json.code).toBe('PGRST102')
    await expectUnchanged()
  })

  it('handling=strict refuses unknown preferences', async () => {
    const res = await restFetch(`/rest_items?batch=eq.${batchName}`, {
      method: 'DELETE',
      headers: { ...auth, Prefer: 'handling=strict, return=everything' },
    })
    expect(res.status).toBe(400)
    expect(res.json.code).toBe('PGRST122')
    await expectUnchanged()
  })
})
