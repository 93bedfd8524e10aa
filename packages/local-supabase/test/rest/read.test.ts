import { describe, expect, it } from 'vitest'
import { anonClient, restFetch } from './rest-helpers.ts'

describe('REST reads: select, aliases, casts, JSON paths', () => {
  const db = anonClient()

  it('selects all columns ordered', async () => {
    const { data, error, status } = await db.from('rest_authors').select('*').order('id')
    expect(error).toBeNull()
    expect(status).toBe(200)
    expect(data?.map((a) => a.name)).toEqual(['Ada', 'Brian', 'Chen', 'Dana'])
    expect(data?.[0]).toEqual({
      id: 1,
      name: 'Ada',
      country: 'UK',
      profile: { age: 36, langs: ['en', 'fr'], address: { city: 'London' } },
    })
  })

  it('selects columns with aliases and casts', async () => {
    const { data, error } = await db
      .from('rest_books')
      .select('title,published:year,pages::text')
      .eq('id', 2)
      .single()
    expect(error).toBeNull()
    expect(data).toEqual({ title: 'The C Book', published: 1978, pages: '228' })
  })

  it('selects JSON paths with -> and ->>', async () => {
    const { data, error } = await db
      .from('rest_authors')
      .select('name,age:profile->age,city:profile->address->>city,profile->langs->0')
      .eq('id', 1)
      .single()
    expect(error).toBeNull()
    expect(data).toEqual({ name: 'Ada', age: 36, city: 'London', '0': 'en' })
  })
})

describe('REST reads: embedded resources', () => {
  const db = anonClient()

  it('embeds many-to-one with a hint, one-to-many, one-to-one and many-to-many', async () => {
    const { data, error } = await db
      .from('rest_books')
      .select(
        'title, author:rest_authors!author_id(name), editor:rest_authors!rest_books_editor_fk(name), rest_tags(name)',
      )
      .in('id', [1, 2])
      .order('id')
    expect(error).toBeNull()
    expect(data).toEqual([
      {
        title: 'Notes',
        author: { name: 'Ada' },
        editor: { name: 'Brian' },
        rest_tags: [{ name: 'classic' }],
      },
      {
        title: 'The C Book',
        author: { name: 'Brian' },
        editor: null,
        rest_tags: [{ name: 'classic' }, { name: 'systems' }],
      },
    ])
    const authors = await db
      .from('rest_authors')
      .select('name, rest_author_bios(bio), books:rest_books!author_id(title)')
      .eq('id', 1)
      .single()
    expect(authors.error).toBeNull()
    expect(authors.data).toEqual({
      name: 'Ada',
      rest_author_bios: { bio: 'Wrote the first program' },
      books: [{ title: 'Notes' }],
    })
  })

  it('refuses an ambiguous embed with PGRST201 and lists the hints', async () => {
    const { error, status } = await db.from('rest_books').select('title, rest_authors(name)')
    expect(status).toBe(300)
    expect(error?.code).toBe('PGRST201')
    expect(error?.hint).toContain('rest_authors!rest_books_author_id_fkey')
    expect(error?.hint).toContain('rest_authors!rest_books_editor_fk')
  })

  it('answers PGRST200 for an embed with no relationship', async () => {
    const { error, status } = await db.from('rest_tags').select('name, rest_employees(name)')
    expect(status).toBe(400)
    expect(error?.code).toBe('PGRST200')
  })

  it('embeds a self-reference: table name for the children, column name for the parent', async () => {
    const { data, error } = await db
      .from('rest_employees')
      .select(
        'name, manager:manager_id(name), reports:rest_employees(name), direct:rest_employees!manager_id(id)',
      )
      .eq('id', 2)
      .single()
    expect(error).toBeNull()
    expect(data).toEqual({
      name: 'Mid',
      manager: { name: 'Boss' },
      reports: [{ name: 'Junior' }],
      direct: [{ id: 3 }],
    })
  })

  it('filters, orders and limits embedded resources', async () => {
    const { data, error } = await db
      .from('rest_authors')
      .select('name, books:rest_books!author_id(title, year)')
      .eq('id', 2)
      .gte('books.year', 1980)
      .order('year', { referencedTable: 'books', ascending: false })
      .limit(1, { referencedTable: 'books' })
      .single()
    expect(error).toBeNull()
    expect(data).toEqual({ name: 'Brian', books: [{ title: 'Go', year: 2015 }] })
  })

  it('!inner drops parents without matching children', async () => {
    const { data, error } = await db
      .from('rest_authors')
      .select('name, rest_books!author_id!inner(title)')
      .eq('rest_books.title', 'Unix')
    expect(error).toBeNull()
    expect(data).toEqual([{ name: 'Brian', rest_books: [{ title: 'Unix' }] }])
    const left = await db
      .from('rest_authors')
      .select('name, rest_books!author_id(title)')
      .eq('rest_books.title', 'Unix')
      .order('id')
    expect(left.data?.length).toBe(4)
  })

  it('spreads a to-one embed into the parent', async () => {
    const { data, error } = await db
      .from('rest_books')
      .select('title, ...rest_authors!author_id(author_name:name, country)')
      .eq('id', 3)
      .single()
    expect(error).toBeNull()
    expect(data).toEqual({ title: 'Unix', author_name: 'Brian', country: 'US' })
  })

  it('orders by a column of a to-one embed', async () => {
    const { data, error } = await db
      .from('rest_books')
      .select('title, author:rest_authors!author_id(name)')
      .order('author(name)', { ascending: false })
      .order('id')
    expect(error).toBeNull()
    expect(data?.map((b) => b.title)).toEqual(['Poems', 'The C Book', 'Unix', 'Go', 'Notes'])
  })

  it('answers PGRST108 for a filter on a resource that is not embedded', async () => {
    const { error, status } = await db
      .from('rest_authors')
      .select('name')
      .eq('rest_books.title', 'Unix')
    expect(status).toBe(400)
    expect(error?.code).toBe('PGRST108')
  })
})

describe('REST reads: aggregates, counts, ranges, media types', () => {
  const db = anonClient()

  it('aggregates with grouping', async () => {
    const { data, error } = await db
      .from('rest_books')
      .select('author_id, count(), pages.sum(), year.max()')
      .order('author_id')
    expect(error).toBeNull()
    expect(data).toEqual([
      { author_id: 1, count: 1, sum: 60, max: 1843 },
      { author_id: 2, count: 3, sum: 958, max: 2015 },
      { author_id: 3, count: 1, sum: null, max: 2001 },
    ])
  })

  it('counts exactly and answers 206 with Content-Range for a partial page', async () => {
    const { data, count, status, error } = await db
      .from('rest_books')
      .select('id', { count: 'exact' })
      .order('id')
      .range(1, 2)
    expect(error).toBeNull()
    expect(status).toBe(206)
    expect(count).toBe(5)
    expect(data).toEqual([{ id: 2 }, { id: 3 }])
  })

  it('counts children per parent with rel(count)', async () => {
    const { data, error } = await db
      .from('rest_authors')
      .select('name, books:rest_books!author_id(count)')
      .order('id')
    expect(error).toBeNull()
    expect(data).toEqual([
      { name: 'Ada', books: [{ count: 1 }] },
      { name: 'Brian', books: [{ count: 3 }] },
      { name: 'Chen', books: [{ count: 1 }] },
      { name: 'Dana', books: [{ count: 0 }] },
    ])
  })

  it('answers planned and estimated counts', async () => {
    const planned = await db.from('rest_books').select('id', { count: 'planned' }).limit(1)
    expect(planned.error).toBeNull()
    expect(typeof planned.count).toBe('number')
    expect(planned.count).toBeGreaterThan(0)
    const estimated = await db.from('rest_books').select('id', { count: 'estimated' }).limit(1)
    // Small tables are counted exactly.
    expect(estimated.count).toBe(5)
  })

  it('honours the Range header and answers Content-Range', async () => {
    const res = await restFetch('/rest_books?select=id&order=id', {
      headers: { Range: '1-2', 'Range-Unit': 'items', Prefer: 'count=exact' },
    })
    expect(res.status).toBe(206)
    expect(res.headers.get('content-range')).toBe('1-2/5')
    expect(res.json).toEqual([{ id: 2 }, { id: 3 }])
    const none = await restFetch('/rest_books?select=id&id=eq.999')
    expect(none.headers.get('content-range')).toBe('*/*')
    const bad = await restFetch('/rest_books?select=id', { headers: { Range: '5-2' } })
    expect(bad.status).toBe(416)
    expect(bad.json.code).toBe('PGRST103')
  })

  it('counts with head: true and no body', async () => {
    const { data, count, status } = await db
      .from('rest_books')
      .select('*', { count: 'exact', head: true })
      .gt('year', 1950)
    expect(status).toBe(200)
    expect(count).toBe(4)
    expect(data).toBeNull()
  })

  it('answers 416 for an offset past the end', async () => {
    const { error, status } = await db
      .from('rest_books')
      .select('id', { count: 'exact' })
      .range(10, 12)
    expect(status).toBe(416)
    expect(error?.code).toBe('PGRST103')
  })

  it('single() needs exactly one row; maybeSingle() allows none', async () => {
    const many = await db.from('rest_books').select('id').single()
    expect(many.status).toBe(406)
    expect(many.error?.code).toBe('PGRST116')
    expect(many.error?.details).toBe('The result contains 5 rows')
    const none = await db.from('rest_books').select('id').eq('id', 999).maybeSingle()
    expect(none.error).toBeNull()
    expect(none.data).toBeNull()
  })

  it('answers CSV', async () => {
    const { data, error } = await db
      .from('rest_things')
      .select('id,label')
      .in('id', [1, 5])
      .order('id')
      .csv()
    expect(error).toBeNull()
    expect(data).toBe('id,label\n1,alpha\n5,"Delta, ""quoted"""')
  })

  it('strips nulls when asked', async () => {
    const { data, error } = await db
      .from('rest_authors')
      .select('name,country')
      .eq('id', 4)
      .stripNulls()
    expect(error).toBeNull()
    expect(data).toEqual([{ name: 'Dana' }])
  })
})

describe('REST reads: more embedding and ordering forms', () => {
  const db = anonClient()

  it('embeds by constraint name, nests two levels and counts with !inner', async () => {
    const byConstraint = await db
      .from('rest_books')
      .select('title, rest_books_editor_fk(name)')
      .eq('id', 3)
      .single()
    expect(byConstraint.error).toBeNull()
    expect(byConstraint.data).toEqual({ title: 'Unix', rest_books_editor_fk: { name: 'Ada' } })
    const nested = await db
      .from('rest_authors')
      .select('name, rest_books!author_id(title, rest_tags(name))')
      .eq('id', 3)
      .single()
    expect(nested.data).toEqual({
      name: 'Chen',
      rest_books: [{ title: 'Poems', rest_tags: [{ name: 'poetry' }] }],
    })
    const inner = await db
      .from('rest_books')
      .select('title, rest_tags!inner(name)', { count: 'exact' })
      .eq('rest_tags.name', 'systems')
      .order('id')
    expect(inner.count).toBe(3)
    expect(inner.data?.map((b) => b.title)).toEqual(['The C Book', 'Unix', 'Go'])
  })

  it('!left keeps parents; a spread with !inner drops rows without a match', async () => {
    const left = await db
      .from('rest_books')
      .select('id, editor:rest_authors!rest_books_editor_fk!left(name)')
      .is('editor_id', null)
      .order('id')
    expect(left.data).toEqual([
      { id: 2, editor: null },
      { id: 5, editor: null },
    ])
    const spread = await db
      .from('rest_books')
      .select('id, ...rest_authors!rest_books_editor_fk!inner(editor:name)')
      .order('id')
    expect(spread.data).toEqual([
      { id: 1, editor: 'Brian' },
      { id: 3, editor: 'Ada' },
      { id: 4, editor: 'Chen' },
    ])
  })

  it('orders by JSON paths with nulls placement and echoes Preference-Applied', async () => {
    const res = await restFetch('/rest_authors?select=id&order=profile->age.desc.nullslast', {
      headers: { Prefer: 'count=exact' },
    })
    expect(res.json).toEqual([{ id: 2 }, { id: 1 }, { id: 4 }, { id: 3 }])
    expect(res.headers.get('preference-applied')).toBe('count=exact')
    expect(res.headers.get('content-range')).toBe('0-3/4')
  })

  it('answers HEAD with headers only', async () => {
    const res = await restFetch('/rest_books?select=id', {
      method: 'HEAD',
      headers: { Prefer: 'count=exact' },
    })
    expect(res.status).toBe(200)
    expect(res.text).toBe('')
    expect(res.headers.get('content-range')).toBe('0-4/5')
  })

  it('strips nulls from a single object', async () => {
    const res = await restFetch('/rest_authors?select=name,country,profile&id=eq.3', {
      headers: { Accept: 'application/vnd.pgrst.object+json;nulls=stripped' },
    })
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ name: 'Chen', country: 'CN' })
  })

  it('selects, filters and orders by a computed column', async () => {
    const { data, error } = await db
      .from('rest_authors')
      .select('id, display_name')
      .like('display_name', '%(U%')
      .order('display_name', { ascending: false })
    expect(error).toBeNull()
    expect(data).toEqual([
      { id: 2, display_name: 'Brian (US)' },
      { id: 1, display_name: 'Ada (UK)' },
    ])
  })

  it('embeds through a simple view in both directions', async () => {
    const fromView = await db
      .from('rest_modern_books')
      .select('title, rest_authors(name)')
      .order('id')
      .limit(2)
    expect(fromView.error).toBeNull()
    expect(fromView.data).toEqual([
      { title: 'The C Book', rest_authors: { name: 'Brian' } },
      { title: 'Unix', rest_authors: { name: 'Brian' } },
    ])
    const intoView = await db
      .from('rest_authors')
      .select('name, rest_modern_books(title)')
      .eq('id', 1)
      .single()
    expect(intoView.error).toBeNull()
    expect(intoView.data).toEqual({ name: 'Ada', rest_modern_books: [] })
  })

  it('embeds computed relationships (functions of the parent row)', async () => {
    const { data, error } = await db
      .from('rest_authors')
      .select('name, recent_books(title), first_book(title)')
      .eq('id', 2)
      .order('year', { referencedTable: 'recent_books' })
      .single()
    expect(error).toBeNull()
    expect(data).toEqual({
      name: 'Brian',
      recent_books: [{ title: 'Unix' }, { title: 'Go' }],
      first_book: { title: 'The C Book' },
    })
  })
})
