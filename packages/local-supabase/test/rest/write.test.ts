import { beforeAll, describe, expect, it } from 'vitest'
import { withPg } from '../helpers.ts'
import { createTestUser, restFetch, type TestUser, uniqueBatch } from './rest-helpers.ts'

const itemsIn = (batch: string) =>
  withPg(
    async (db) =>
      (
        await db.query(
          'select sku, name, qty, price::text, tags, meta from public.rest_items where batch = $1 order by sku',
          [batch],
        )
      ).rows,
  )

describe('REST writes', () => {
  let user: TestUser
  beforeAll(async () => {
    user = await createTestUser('writer')
  })

  it('inserts one row (201, no body by default) and many rows with return=representation', async () => {
    const batch = uniqueBatch()
    const one = await user.client.from('rest_items').insert({ batch, sku: `${batch}-1`, qty: 2 })
    expect(one.status).toBe(201)
    expect(one.data).toBeNull()
    const many = await user.client
      .from('rest_items')
      .insert([
        {
          batch,
          sku: `${batch}-2`,
          name: 'second',
          price: 9.5,
          tags: ['x', 'y'],
          meta: { a: [1, 2] },
        },
        { batch, sku: `${batch}-3`, name: 'third' },
      ])
      .select('sku, name, qty, price, tags, meta')
    expect(many.error).toBeNull()
    expect(many.status).toBe(201)
    expect(many.data).toEqual([
      {
        sku: `${batch}-2`,
        name: 'second',
        qty: 0,
        price: 9.5,
        tags: ['x', 'y'],
        meta: { a: [1, 2] },
      },
      { sku: `${batch}-3`, name: 'third', qty: 0, price: null, tags: null, meta: null },
    ])
    // Without missing=default a key absent from one object of a bulk insert is NULL, as in PostgREST.
    const holes = await user.client.from('rest_items').insert([
      { batch, sku: `${batch}-4`, name: 'x' },
      { batch, sku: `${batch}-5` },
    ])
    expect(holes.status).toBe(400)
    expect(holes.error?.code).toBe('23502')
    expect((await itemsIn(batch)).map((r) => r.sku)).toEqual([
      `${batch}-1`,
      `${batch}-2`,
      `${batch}-3`,
    ])
  })

  it('missing=default fills absent keys with column defaults', async () => {
    const batch = uniqueBatch()
    const res = await user.client
      .from('rest_items')
      .insert(
        [
          { batch, sku: `${batch}-1`, name: 'named' },
          { batch, sku: `${batch}-2`, qty: 7 },
        ],
        { defaultToNull: false },
      )
      .select('sku, name, qty')
    expect(res.error).toBeNull()
    expect(res.data).toEqual([
      { sku: `${batch}-1`, name: 'named', qty: 0 },
      { sku: `${batch}-2`, name: 'unnamed', qty: 7 },
    ])
  })

  it('upserts with merge-duplicates and ignore-duplicates on a unique column', async () => {
    const batch = uniqueBatch()
    await user.client.from('rest_items').insert({ batch, sku: `${batch}-1`, name: 'old', qty: 1 })
    const merged = await user.client
      .from('rest_items')
      .upsert(
        [
          { batch, sku: `${batch}-1`, name: 'new', qty: 5 },
          { batch, sku: `${batch}-2`, name: 'fresh', qty: 1 },
        ],
        { onConflict: 'sku' },
      )
      .select('sku, name, qty')
    expect(merged.error).toBeNull()
    expect(merged.data).toEqual([
      { sku: `${batch}-1`, name: 'new', qty: 5 },
      { sku: `${batch}-2`, name: 'fresh', qty: 1 },
    ])
    const ignored = await user.client
      .from('rest_items')
      .upsert(
        { batch, sku: `${batch}-1`, name: 'ignored', qty: 9 },
        { onConflict: 'sku', ignoreDuplicates: true },
      )
      .select()
    expect(ignored.data).toEqual([])
    expect((await itemsIn(batch)).map((r) => [r.sku, r.name, r.qty])).toEqual([
      [`${batch}-1`, 'new', 5],
      [`${batch}-2`, 'fresh', 1],
    ])
  })

  it('updates with filters: 204 minimal, 200 with representation', async () => {
    const batch = uniqueBatch()
    await user.client.from('rest_items').insert([
      { batch, sku: `${batch}-1`, qty: 1 },
      { batch, sku: `${batch}-2`, qty: 2 },
    ])
    const minimal = await user.client.from('rest_items').update({ qty: 10 }).eq('sku', `${batch}-1`)
    expect(minimal.status).toBe(204)
    const rep = await user.client
      .from('rest_items')
      .update({ name: 'renamed', meta: { k: 1 } })
      .eq('batch', batch)
      .gt('qty', 5)
      .select('sku, name, qty, meta')
    expect(rep.status).toBe(200)
    expect(rep.data).toEqual([{ sku: `${batch}-1`, name: 'renamed', qty: 10, meta: { k: 1 } }])
    expect((await itemsIn(batch)).map((r) => [r.name, r.qty])).toEqual([
      ['renamed', 10],
      ['unnamed', 2],
    ])
  })

  it('deletes with filters and returns the deleted rows', async () => {
    const batch = uniqueBatch()
    await user.client
      .from('rest_items')
      .insert([1, 2, 3].map((n) => ({ batch, sku: `${batch}-${n}`, qty: n })))
    const res = await user.client
      .from('rest_items')
      .delete({ count: 'exact' })
      .eq('batch', batch)
      .lte('qty', 2)
      .select('sku')
    expect(res.status).toBe(200)
    expect(res.count).toBe(2)
    expect(res.data).toEqual([{ sku: `${batch}-1` }, { sku: `${batch}-2` }])
    expect((await itemsIn(batch)).map((r) => r.sku)).toEqual([`${batch}-3`])
  })

  it('single() on a write returns the object; more than one row rolls the write back', async () => {
    const batch = uniqueBatch()
    const one = await user.client
      .from('rest_items')
      .insert({ batch, sku: `${batch}-1` })
      .select('sku')
      .single()
    expect(one.data).toEqual({ sku: `${batch}-1` })
    await user.client.from('rest_items').insert({ batch, sku: `${batch}-2` })
    const two = await user.client
      .from('rest_items')
      .update({ qty: 3 })
      .eq('batch', batch)
      .select('sku')
      .single()
    expect(two.status).toBe(406)
    expect(two.error?.code).toBe('PGRST116')
    expect((await itemsIn(batch)).map((r) => r.qty)).toEqual([0, 0])
  })

  it('embeds related rows in the representation of a write', async () => {
    const batch = uniqueBatch()
    const parent = await user.client
      .from('rest_items')
      .insert({ batch, sku: `${batch}-p` })
      .select('id')
      .single()
    const child = await user.client
      .from('rest_items')
      .insert({ batch, sku: `${batch}-c`, parent_id: parent.data?.id })
      .select('sku, parent:parent_id(sku)')
      .single()
    expect(child.error).toBeNull()
    expect(child.data).toEqual({ sku: `${batch}-c`, parent: { sku: `${batch}-p` } })
  })

  it('Prefer: tx=rollback answers as if written but keeps nothing', async () => {
    const batch = uniqueBatch()
    const res = await user.client
      .from('rest_items')
      .insert({ batch, sku: `${batch}-1` })
      .select('sku')
      .rollback()
    expect(res.status).toBe(201)
    expect(res.data).toEqual([{ sku: `${batch}-1` }])
    expect(await itemsIn(batch)).toEqual([])
  })

  it('max-affected with handling=strict refuses and rolls back a larger change', async () => {
    const batch = uniqueBatch()
    await user.client
      .from('rest_items')
      .insert([1, 2, 3].map((n) => ({ batch, sku: `${batch}-${n}`, qty: n })))
    // What postgrest-js' maxAffected() sends (typed for PostgREST 13+ only).
    const strict = (n: number) => ({
      Authorization: `Bearer ${user.token}`,
      Prefer: `handling=strict, max-affected=${n}`,
      'Content-Type': 'application/json',
    })
    const res = await restFetch(`/rest_items?batch=eq.${batch}`, {
      method: 'PATCH',
      headers: strict(2),
      body: JSON.stringify({ qty: 0 }),
    })
    expect(res.status).toBe(400)
    expect(res.json.code).toBe('PGRST124')
    expect(res.json.details).toBe('The query affects 3 rows')
    expect((await itemsIn(batch)).map((r) => r.qty)).toEqual([1, 2, 3])
    const ok = await restFetch(`/rest_items?sku=eq.${batch}-1`, {
      method: 'DELETE',
      headers: strict(1),
    })
    expect(ok.status).toBe(204)
    expect(ok.headers.get('preference-applied')).toBe('handling=strict, max-affected=1')
    expect((await itemsIn(batch)).map((r) => r.qty)).toEqual([2, 3])
  })

  it('headers-only answers a Location header; columns= limits the inserted keys', async () => {
    const batch = uniqueBatch()
    const res = await restFetch(`/rest_items?columns=batch,sku`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${user.token}`,
        Prefer: 'return=headers-only',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ batch, sku: `${batch}-1`, qty: 99 }),
    })
    expect(res.status).toBe(201)
    expect(res.headers.get('location')).toMatch(/^\/rest_items\?id=eq\.[0-9]+$/)
    expect(res.headers.get('preference-applied')).toBe('return=headers-only')
    expect((await itemsIn(batch)).map((r) => r.qty)).toEqual([0])
  })

  it('maps constraint errors: 23505 and 23503 -> 409, 23514 and 22P02 -> 400', async () => {
    const batch = uniqueBatch()
    await user.client.from('rest_items').insert({ batch, sku: `${batch}-1` })
    const dup = await user.client.from('rest_items').insert({ batch, sku: `${batch}-1` })
    expect(dup.status).toBe(409)
    expect(dup.error?.code).toBe('23505')
    expect(dup.error?.message).toContain('duplicate key value violates unique constraint')
    const fk = await user.client
      .from('rest_items')
      .insert({ batch, sku: `${batch}-2`, parent_id: 987654321 })
    expect(fk.status).toBe(409)
    expect(fk.error?.code).toBe('23503')
    const check = await user.client.from('rest_items').insert({ batch, sku: `${batch}-3`, qty: -1 })
    expect(check.status).toBe(400)
    expect(check.error?.code).toBe('23514')
    const type = await user.client
      .from('rest_items')
      .insert({ batch, sku: `${batch}-4`, qty: 'many' })
    expect(type.status).toBe(400)
    expect(type.error?.code).toBe('22P02')
    expect((await itemsIn(batch)).map((r) => r.sku)).toEqual([`${batch}-1`])
  })

  it('PUT upserts one row addressed by its primary key', async () => {
    const batch = uniqueBatch()
    const id = 900_000_000 + Math.floor(Math.random() * 1_000_000)
    const headers = {
      Authorization: `Bearer ${user.token}`,
      'Content-Type': 'application/json',
      Prefer: 'return=representation',
    }
    const created = await restFetch(`/rest_items?id=eq.${id}&select=sku,qty`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ id, batch, sku: `${batch}-put`, qty: 1 }),
    })
    // PostgREST: 201 when the PUT created its row, 200 when it replaced one.
    expect(created.status).toBe(201)
    expect(created.json).toEqual([{ sku: `${batch}-put`, qty: 1 }])
    const replaced = await restFetch(`/rest_items?id=eq.${id}`, {
      method: 'PUT',
      headers: { ...headers, Prefer: 'return=minimal' },
      body: JSON.stringify({ id, batch, sku: `${batch}-put`, qty: 5 }),
    })
    expect(replaced.status).toBe(204)
    expect((await itemsIn(batch)).map((r) => r.qty)).toEqual([5])
  })
})
