import { describe, expect, it } from 'vitest'
import { withPg } from '../helpers.ts'
import { anonClient, createTestUser, restFetch, uniqueBatch } from './rest-helpers.ts'

describe('REST rpc', () => {
  const db = anonClient()

  it('calls a scalar function with POST and with GET', async () => {
    const post = await db.rpc('rest_add', { a: 2, b: 3 })
    expect(post.error).toBeNull()
    expect(post.data).toBe(5)
    const get = await db.rpc('rest_add', { a: 4, b: 5 }, { get: true })
    expect(get.data).toBe(9)
  })

  it('returns set-returning functions as arrays, with filters, select, order and count', async () => {
    const all = await db.rpc('rest_books_by', { author: 2 })
    expect(all.data?.map((b: { title: string }) => b.title)).toEqual(['The C Book', 'Unix', 'Go'])
    const shaped = await db
      .rpc('rest_books_by', { author: 2 }, { count: 'exact' })
      .select('title, author:rest_authors!author_id(name)')
      .gt('year', 1980)
      .order('year', { ascending: false })
    expect(shaped.error).toBeNull()
    expect(shaped.count).toBe(2)
    expect(shaped.data).toEqual([
      { title: 'Go', author: { name: 'Brian' } },
      { title: 'Unix', author: { name: 'Brian' } },
    ])
    const get = await restFetch('/rpc/rest_books_by?author=2&select=id&id=gte.3&order=id')
    expect(get.json).toEqual([{ id: 3 }, { id: 4 }])
  })

  it('returns TABLE functions, single composite rows, setof scalars and json', async () => {
    const stats = await db.rpc('rest_book_stats').eq('author_id', 2)
    expect(stats.data).toEqual([{ author_id: 2, books: 3, pages: 958 }])
    const first = await db.rpc('rest_first_book').select('title')
    expect(first.data).toEqual({ title: 'Notes' })
    const years = await db.rpc('rest_years')
    expect(years.data).toEqual([1843, 1978, 1984, 2001, 2015])
    const echo = await db.rpc('rest_echo', { payload: { a: [1, { b: null }] } })
    expect(echo.data).toEqual({ a: [1, { b: null }] })
  })

  it('passes the whole body to a single json argument with Prefer: params=single-object', async () => {
    const res = await restFetch('/rpc/rest_echo', {
      method: 'POST',
      headers: { Prefer: 'params=single-object', 'Content-Type': 'application/json' },
      body: JSON.stringify({ any: 'thing', n: 1 }),
    })
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ any: 'thing', n: 1 })
  })

  it('answers HEAD with a count and no body', async () => {
    const res = await db.rpc('rest_books_by', { author: 2 }, { head: true, count: 'exact' })
    expect(res.error).toBeNull()
    expect(res.count).toBe(3)
    expect(res.data).toBeNull()
  })

  it('a void function answers 204', async () => {
    const res = await db.rpc('rest_touch')
    expect(res.error).toBeNull()
    expect(res.status).toBe(204)
  })

  it('runs a volatile function in a writable transaction on POST; GET answers 405', async () => {
    const user = await createTestUser('rpc')
    const batch = uniqueBatch()
    const res = await user.client.rpc('rest_add_item', { p_batch: batch, p_sku: `${batch}-1` })
    expect(res.error).toBeNull()
    expect(typeof res.data).toBe('number')
    const get = await user.client.rpc(
      'rest_add_item',
      { p_batch: batch, p_sku: `${batch}-2` },
      { get: true },
    )
    expect(get.status).toBe(405)
    expect(get.error?.code).toBe('25006')
    const rows = await withPg(
      async (pg) =>
        (await pg.query('select sku, qty from public.rest_items where batch = $1', [batch])).rows,
    )
    expect(rows).toEqual([{ sku: `${batch}-1`, qty: 1 }])
  })

  it('maps RAISE to 400 (P0001) with message, details and hint; PT402 sets the status', async () => {
    const res = await db.rpc('rest_fail', { message: 'no way' })
    expect(res.status).toBe(400)
    expect(res.error).toEqual({
      code: 'P0001',
      message: 'no way',
      details: 'from rest_fail',
      hint: 'none',
    })
    const pt = await db.rpc('rest_payment_required')
    expect(pt.status).toBe(402)
    expect(pt.error?.message).toBe('Payment required')
  })

  it('answers PGRST202 for an unknown function or arguments, PGRST203 for an ambiguous overload', async () => {
    const unknown = await db.rpc('rest_nope')
    expect(unknown.status).toBe(404)
    expect(unknown.error?.code).toBe('PGRST202')
    const wrongArgs = await db.rpc('rest_add', { a: 1, c: 2 })
    expect(wrongArgs.status).toBe(404)
    expect(wrongArgs.error?.code).toBe('PGRST202')
    expect(wrongArgs.error?.hint).toContain('rest_add(a, b)')
    const a = await db.rpc('rest_overloaded', { a: 1 })
    expect(a.data).toBe('int')
    const b = await db.rpc('rest_overloaded', { b: 'x' })
    expect(b.data).toBe('text')
  })
})
