import { describe, expect, it } from 'vitest'
import { anonClient } from './rest-helpers.ts'

const ids = (rows: Array<{ id: number }> | null) => rows?.map((r) => r.id)

describe('REST filters', () => {
  const db = anonClient()
  const things = () => db.from('rest_things').select('id').order('id')

  it('compares: eq neq gt gte lt lte', async () => {
    expect(ids((await things().eq('label', 'beta')).data)).toEqual([2])
    expect(ids((await things().neq('label', 'beta')).data)).toEqual([1, 3, 5])
    expect(ids((await things().gt('id', 3)).data)).toEqual([4, 5])
    expect(ids((await things().gte('id', 3)).data)).toEqual([3, 4, 5])
    expect(ids((await things().lt('id', 2)).data)).toEqual([1])
    expect(ids((await things().lte('id', 2)).data)).toEqual([1, 2])
  })

  it('matches patterns: like ilike match imatch and their any/all forms', async () => {
    expect(ids((await things().like('label', '%a%')).data)).toEqual([1, 2, 3, 5])
    expect(ids((await things().like('label', '*mm*')).data)).toEqual([3])
    expect(ids((await things().ilike('label', 'DELTA%')).data)).toEqual([5])
    expect(ids((await things().filter('label', 'match', '^(alpha|beta)$')).data)).toEqual([1, 2])
    expect(ids((await things().filter('label', 'imatch', '^ALP')).data)).toEqual([1])
    expect(ids((await things().likeAnyOf('label', ['a%', 'g%'])).data)).toEqual([1, 3])
    expect(ids((await things().likeAllOf('label', ['%a%', '%l%'])).data)).toEqual([1, 5])
    expect(ids((await things().ilikeAnyOf('label', ['A%', 'B%'])).data)).toEqual([1, 2])
    expect(ids((await things().filter('id', 'eq(any)', '{1,3}')).data)).toEqual([1, 3])
  })

  it('in, is, isdistinct, not', async () => {
    expect(ids((await things().in('label', ['alpha', 'gamma'])).data)).toEqual([1, 3])
    // A value with a comma is quoted by the client.
    expect(
      ids((await db.from('rest_authors').select('id').in('name', ['Ada', 'No, body'])).data),
    ).toEqual([1])
    expect(ids((await things().in('id', [])).data)).toEqual([])
    expect(ids((await things().is('label', null)).data)).toEqual([4])
    expect(ids((await things().not('label', 'is', null)).data)).toEqual([1, 2, 3, 5])
    expect(ids((await things().is('flag', true)).data)).toEqual([1, 5])
    expect(ids((await things().is('flag', false)).data)).toEqual([2])
    expect(ids((await things().filter('flag', 'isdistinct', 'true')).data)).toEqual([2, 3, 4])
    expect(ids((await things().not('id', 'in', '(1,2,3)')).data)).toEqual([4, 5])
    expect(ids((await things().filter('flag', 'is', 'unknown')).data)).toEqual([3, 4])
  })

  it('full-text search on tsvector and text columns', async () => {
    expect(ids((await things().textSearch('body_tsv', 'fox & dog')).data)).toEqual([3])
    expect(
      ids(
        (await things().textSearch('body_tsv', 'quick', { type: 'plain', config: 'english' })).data,
      ),
    ).toEqual([1, 5])
    expect(
      ids((await things().textSearch('body_tsv', 'quick brown', { type: 'phrase' })).data),
    ).toEqual([1])
    expect(
      ids(
        (await things().textSearch('body', 'fox -quick', { type: 'websearch', config: 'english' }))
          .data,
      ),
    ).toEqual([3])
  })

  it('arrays, JSON containment and ranges: cs cd ov sl sr nxr nxl adj', async () => {
    expect(ids((await things().contains('tags', ['b'])).data)).toEqual([1, 2])
    expect(ids((await things().containedBy('tags', ['a', 'b', 'c'])).data)).toEqual([1, 2, 3, 4])
    expect(ids((await things().overlaps('tags', ['a', 'd'])).data)).toEqual([1, 5])
    expect(ids((await things().contains('data', { kind: 'x' })).data)).toEqual([1, 3])
    expect(ids((await things().rangeLt('during', '[15,20)')).data)).toEqual([1, 2])
    expect(ids((await things().rangeGt('during', '[0,18)')).data)).toEqual([3, 5])
    expect(ids((await things().rangeLte('during', '[0,10)')).data)).toEqual([1])
    expect(ids((await things().rangeGte('during', '[10,12)')).data)).toEqual([3, 5])
    expect(ids((await things().rangeAdjacent('during', '[15,20)')).data)).toEqual([2, 3])
    expect(ids((await things().overlaps('during', '[9,12)')).data)).toEqual([1, 2])
  })

  it('filters on JSON paths', async () => {
    expect(ids((await things().eq('data->>kind', 'x')).data)).toEqual([1, 3])
    expect(ids((await things().gt('data->n', 2)).data)).toEqual([3, 5])
    expect(ids((await things().eq('data->nested->>k', 'v2')).data)).toEqual([2])
  })

  it('or, and, not, nested', async () => {
    expect(ids((await things().or('id.eq.1,label.eq.gamma')).data)).toEqual([1, 3])
    expect(ids((await things().or('id.gt.3,and(tags.cs.{b},flag.is.false)')).data)).toEqual([
      2, 4, 5,
    ])
    expect(ids((await things().or('label.in.(alpha,beta),data->>kind.eq.x')).data)).toEqual([
      1, 2, 3,
    ])
    expect(ids((await things().or('label.eq."Delta, \\"quoted\\""')).data)).toEqual([5])
    expect(ids((await things().not('id', 'lt', 3).not('id', 'eq', 4)).data)).toEqual([3, 5])
    const res = await db.from('rest_things').select('id').filter('not.or', 'eq', 'ignored')
    expect(res.status).toBe(400)
    const notOr = await fetchNotOr()
    expect(notOr).toEqual([3, 4, 5])
  })

  it('filters referenced rows with or on an embed', async () => {
    const { data, error } = await db
      .from('rest_authors')
      .select('id, rest_books!author_id(id)')
      .eq('id', 2)
      .or('id.eq.2,id.eq.4', { referencedTable: 'rest_books' })
      .single()
    expect(error).toBeNull()
    expect(data).toEqual({ id: 2, rest_books: [{ id: 2 }, { id: 4 }] })
  })
})

async function fetchNotOr(): Promise<number[]> {
  const { restFetch } = await import('./rest-helpers.ts')
  const res = await restFetch('/rest_things?select=id&order=id&not.or=(id.eq.1,id.eq.2)')
  return (res.json as unknown as Array<{ id: number }>).map((r) => r.id)
}
