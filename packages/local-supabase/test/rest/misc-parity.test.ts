import { describe, expect, it } from 'vitest'
import { stackEnv, withPg } from '../helpers.ts'
import { anonClient, restFetch, serviceClient, uniqueBatch } from './rest-helpers.ts'

const items = () => anonClient().from('rest_misc_items')

const sequenceValue = (name: string) =>
  withPg(async (db) => {
    const { rows } = await db.query<{ last_value: string }>(`select last_value from public.${name}`)
    return Number(rows[0]?.last_value)
  })

describe('REST upsert statuses (PostgREST: 200 when a merge-duplicates upsert inserted nothing)', () => {
  it('answers 201 for a new row, 200 when every row already existed, 201 when any was new', async () => {
    const batch = uniqueBatch()
    const first = await items().upsert(
      { batch, sku: `${batch}-a`, name: 'first' },
      { onConflict: 'sku' },
    )
    expect(first.status).toBe(201)
    const again = await items()
      .upsert({ batch, sku: `${batch}-a`, name: 'renamed' }, { onConflict: 'sku' })
      .select('sku, name')
    expect(again.status).toBe(200)
    expect(again.data).toEqual([{ sku: `${batch}-a`, name: 'renamed' }])
    const mixed = await items().upsert(
      [
        { batch, sku: `${batch}-a`, name: 'again' },
        { batch, sku: `${batch}-b`, name: 'new' },
      ],
      { onConflict: 'sku' },
    )
    expect(mixed.status).toBe(201)
  })

  it('counts the rows an upsert through a view inserted too', async () => {
    const id = 800_000 + Math.floor(Math.random() * 99_999)
    const flags = () => anonClient().from('rest_misc_flag_view')
    const created = await flags().upsert({ id, label: 'new' }).select('id, label')
    expect(created.status).toBe(201)
    const updated = await flags().upsert({ id, label: 'changed' }).select('id, label')
    expect(updated.error).toBeNull()
    expect(updated.status).toBe(200)
    expect(updated.data).toEqual([{ id, label: 'changed' }])
  })

  it('keeps 201 for ignore-duplicates even when nothing was inserted', async () => {
    const batch = uniqueBatch()
    await items().insert({ batch, sku: `${batch}-a` })
    const ignored = await items()
      .upsert(
        { batch, sku: `${batch}-a`, name: 'ignored' },
        { onConflict: 'sku', ignoreDuplicates: true },
      )
      .select('name')
    expect(ignored.status).toBe(201)
    expect(ignored.data).toEqual([])
  })

  it('answers PUT with 201 for a new row, 200 for a replaced one, 204 without a body', async () => {
    const batch = uniqueBatch()
    const id = 900_000 + Math.floor(Math.random() * 99_999)
    const put = (name: string, prefer: string) =>
      restFetch(`/rest_misc_items?id=eq.${id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Prefer: prefer },
        body: JSON.stringify({ id, batch, sku: `${batch}-put`, name }),
      })
    const created = await put('created', 'return=representation')
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject([{ id, name: 'created' }])
    const replaced = await put('replaced', 'return=representation')
    expect(replaced.status).toBe(200)
    expect(replaced.json).toMatchObject([{ id, name: 'replaced' }])
    const minimal = await put('minimal', 'return=minimal')
    expect(minimal.status).toBe(204)
    expect(minimal.headers.get('preference-applied')).toBe('return=minimal')
  })

  it('names the resolution in Preference-Applied first, as PostgREST orders it', async () => {
    const batch = uniqueBatch()
    const res = await restFetch('/rest_misc_items?on_conflict=sku', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Prefer: 'return=representation, resolution=merge-duplicates, count=exact',
      },
      body: JSON.stringify([{ batch, sku: `${batch}-p` }]),
    })
    expect(res.status).toBe(201)
    expect(res.headers.get('preference-applied')).toBe(
      'resolution=merge-duplicates, return=representation, count=exact',
    )
    expect(res.headers.get('content-range')).toBe('*/1')
  })
})

describe('REST Prefer: missing=default', () => {
  it('gives absent keys their DEFAULT and evaluates each default once per row, as PostgREST does', async () => {
    const batch = uniqueBatch()
    const before = await sequenceValue('rest_misc_items_serial_seq')
    const { data, error, status } = await items()
      .insert(
        [
          { batch, sku: `${batch}-1` },
          { batch, sku: `${batch}-2`, qty: 5, serial: 7 },
        ],
        { defaultToNull: false },
      )
      .select('sku, name, qty, serial')
    expect(error).toBeNull()
    expect(status).toBe(201)
    expect(data).toEqual([
      { sku: `${batch}-1`, name: 'unnamed', qty: 1, serial: before + 1 },
      { sku: `${batch}-2`, name: 'unnamed', qty: 5, serial: 7 },
    ])
    // The second row brought its own serial, yet the default ran for it too (PostgREST merges every
    // row over the defaults), so the sequence moved by two.
    expect(await sequenceValue('rest_misc_items_serial_seq')).toBe(before + 2)
  })

  it('writes NULL for absent keys without it (missing=null is the default)', async () => {
    const batch = uniqueBatch()
    const { error, status } = await items().insert([
      { batch, sku: `${batch}-1` },
      { batch, sku: `${batch}-2`, qty: 5 },
    ])
    expect(status).toBe(400)
    expect(error?.code).toBe('23502')
  })
})

describe('REST CSV output (PostgreSQL record text, as PostgREST writes it)', () => {
  it('quotes tsvector, jsonb and arrays as PostgreSQL prints them, booleans as t/f, NULL as empty', async () => {
    const { data, error } = await anonClient()
      .from('rest_misc_docs')
      .select('id, title, words, meta, tags, done')
      .order('id')
      .csv()
    expect(error).toBeNull()
    expect(data).toBe(
      [
        'id,title,words,meta,tags,done',
        `1,plain,"'fat':1 'rats':2","{""a"": 1, ""b"": [true, null]}","{x,""y z""}",t`,
        '2,"Quote ""this"", please",,"""text""",{},f',
        `3,"","'a':1 'b':2",null,,`,
      ].join('\n'),
    )
  })

  it('answers text/csv with only a line break when there are no rows', async () => {
    const res = await restFetch('/rest_misc_docs?id=eq.0', { headers: { Accept: 'text/csv' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.text).toBe('\n')
  })

  it('writes the representation of an insert as CSV', async () => {
    const batch = uniqueBatch()
    const res = await restFetch('/rest_misc_items?select=sku,name,qty', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'text/csv',
        Prefer: 'return=representation',
      },
      body: JSON.stringify({ batch, sku: `${batch}-csv`, name: 'a, b' }),
    })
    expect(res.status).toBe(201)
    expect(res.text).toBe(`sku,name,qty\n${batch}-csv,"a, b",1`)
  })
})

describe('REST Prefer: timezone', () => {
  const at = (prefer?: string) =>
    restFetch('/rest_misc_docs?select=at&id=eq.1', prefer ? { headers: { Prefer: prefer } } : {})

  it('sets the time zone of the request and says so in Preference-Applied', async () => {
    const res = await at('timezone=America/New_York')
    expect(res.status).toBe(200)
    expect(res.json).toEqual([{ at: '2026-01-01T07:00:00-05:00' }])
    expect(res.headers.get('preference-applied')).toBe('timezone=America/New_York')
    const other = await anonClient()
      .from('rest_misc_docs')
      .select('at')
      .eq('id', 3)
      .setHeader('Prefer', 'timezone=Asia/Tokyo')
    expect(other.data).toEqual([{ at: '2026-07-01T21:00:00+09:00' }])
  })

  it('ignores a zone PostgreSQL does not know, and refuses it with handling=strict', async () => {
    const plain = await at()
    const unknown = await at('timezone=Mars/Olympus_Mons')
    expect(unknown.status).toBe(200)
    expect(unknown.json).toEqual(plain.json)
    expect(unknown.headers.get('preference-applied')).toBeNull()
    const strict = await at('handling=strict, timezone=Mars/Olympus_Mons')
    expect(strict.status).toBe(400)
    expect(strict.json).toMatchObject({
      code: 'PGRST122',
      message: 'Invalid preferences given with handling=strict',
      details: 'Invalid preferences: timezone=Mars/Olympus_Mons',
    })
  })
})

describe('REST requests without an API key (as `supabase start` runs them)', () => {
  it('runs a request with no apikey and no Authorization as anon', async () => {
    const url = `${stackEnv().API_URL}/rest/v1/rest_misc_docs?select=id&order=id`
    const res = await fetch(url)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }])
    const secret = await fetch(`${stackEnv().API_URL}/rest/v1/rest_misc_secret`)
    expect(secret.status).toBe(401)
    expect((await secret.json()).code).toBe('42501')
  })
})

describe('REST execution plans (application/vnd.pgrst.plan)', () => {
  const setPlan = async (enabled: boolean) => {
    await withPg(async (db) => {
      await db.query(`alter role authenticator set pgrst.db_plan_enabled to '${enabled}'`)
      await db.query(`notify pgrst, 'reload config'`)
    })
    // The schema cache reloads on the notification; wait until the setting is in force.
    for (let i = 0; i < 100; i++) {
      const res = await restFetch('/rest_misc_docs?select=id', {
        headers: { Accept: 'application/vnd.pgrst.plan+json' },
      })
      if ((res.status === 200) === enabled) return
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error('the plan setting did not take effect')
  }

  it('refuses plans with 406 PGRST107 while db_plan_enabled is off, then answers them', async () => {
    const refused = await anonClient().from('rest_misc_docs').select('id').explain()
    expect(refused.status).toBe(406)
    expect(refused.error).toMatchObject({
      code: 'PGRST107',
      message:
        'None of these media types are available: application/vnd.pgrst.plan+text; for="application/json"',
    })

    await setPlan(true)
    try {
      const text = await anonClient().from('rest_misc_docs').select('id').explain()
      expect(text.error).toBeNull()
      expect(text.status).toBe(200)
      expect(String(text.data)).toMatch(/Aggregate/)
      expect(String(text.data)).toMatch(/rest_misc_docs/)

      const json = await serviceClient()
        .from('rest_misc_docs')
        .select('id')
        .explain({ analyze: true, verbose: true, format: 'json' })
      expect(json.error).toBeNull()
      const plan = json.data as unknown as Array<{
        Plan: { 'Node Type': string; Output?: unknown }
      }>
      expect(plan[0]?.Plan['Node Type']).toBe('Aggregate')
      expect(plan[0]?.Plan.Output).toBeDefined()
      expect(plan[0]).toHaveProperty('Execution Time')

      const raw = await restFetch('/rest_misc_docs?select=id', {
        headers: {
          Accept: 'application/vnd.pgrst.plan+json; for="text/csv"; options=buffers|analyze',
        },
      })
      expect(raw.headers.get('content-type')).toBe(
        'application/vnd.pgrst.plan+json; for="text/csv"; options=analyze|buffers; charset=utf-8',
      )
      expect(raw.text.endsWith('\n')).toBe(true)

      // The plan of a function returning one row (answered as an object otherwise).
      const call = await restFetch('/rpc/rest_first_book', {
        headers: { Accept: 'application/vnd.pgrst.plan+json' },
      })
      expect(call.status).toBe(200)
      expect(JSON.parse(call.text)[0].Plan).toBeDefined()

      // A write's plan with analyze runs it; tx=rollback keeps nothing.
      const batch = uniqueBatch()
      const write = await restFetch('/rest_misc_items', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/vnd.pgrst.plan+text; options=analyze',
          Prefer: 'tx=rollback',
        },
        body: JSON.stringify({ batch, sku: `${batch}-plan` }),
      })
      expect(write.status).toBe(200)
      expect(write.text).toMatch(/Insert on rest_misc_items/)
      const stored = await items().select('sku').eq('batch', batch)
      expect(stored.data).toEqual([])
    } finally {
      await setPlan(false)
    }
  })
})

describe('REST OpenAPI document at / (Swagger 2.0, follow-privileges)', () => {
  type Doc = {
    swagger: string
    info: { title: string; description: string; version: string }
    host: string
    basePath: string
    schemes: string[]
    paths: Record<
      string,
      Record<string, { parameters?: unknown[]; summary?: string; description?: string }>
    >
    definitions: Record<
      string,
      {
        required?: string[]
        description?: string
        properties: Record<string, Record<string, unknown>>
      }
    >
    parameters: Record<string, Record<string, unknown>>
  }
  const documentFor = async (key: string) => {
    const res = await fetch(`${stackEnv().API_URL}/rest/v1/`, { headers: { apikey: key } })
    return { res, doc: (await res.json()) as Doc }
  }

  it('lists the tables, views and functions the role may use, with PostgREST fields', async () => {
    const { res, doc } = await documentFor(stackEnv().ANON_KEY)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/openapi+json; charset=utf-8')
    const schemaComment = await withPg(
      async (db) =>
        (
          await db.query<{ c: string }>(
            `select obj_description('public'::regnamespace, 'pg_namespace') as c`,
          )
        ).rows[0]?.c,
    )
    expect(doc.swagger).toBe('2.0')
    expect(doc.info.title).toBe(schemaComment?.split('\n')[0] ?? 'PostgREST API')
    expect(doc.host).toBe(new URL(stackEnv().API_URL).host)
    expect(doc.basePath).toBe('/rest/v1/')
    expect(doc.schemes).toEqual(['http'])

    expect(Object.keys(doc.paths['/rest_misc_items'] ?? {}).sort()).toEqual([
      'delete',
      'get',
      'patch',
      'post',
    ])
    expect(doc.paths['/rest_misc_items']?.get?.summary).toBe('Items for upsert and default tests')
    expect(doc.paths['/rest_misc_item_names']?.get).toBeDefined()
    expect(doc.paths['/rest_misc_secret']).toBeUndefined()
    expect(doc.definitions.rest_misc_secret).toBeUndefined()

    const items = doc.definitions.rest_misc_items
    expect(items?.description).toBe('Items for upsert and default tests')
    expect(items?.required).toEqual(['id', 'batch', 'sku', 'name', 'qty', 'serial', 'created_at'])
    expect(items?.properties.id).toEqual({
      description: 'Note:\nThis is a Primary Key.<pk/>',
      format: 'bigint',
      type: 'integer',
    })
    expect(items?.properties.sku).toEqual({
      description: 'Stock keeping unit',
      format: 'text',
      type: 'string',
    })
    expect(items?.properties.name).toEqual({ default: 'unnamed', format: 'text', type: 'string' })
    expect(items?.properties.qty).toEqual({ default: 1, format: 'integer', type: 'integer' })
    expect(items?.properties.created_at).toMatchObject({
      format: 'timestamp with time zone',
      type: 'string',
    })
    expect(doc.definitions.rest_misc_docs?.properties.tags).toEqual({
      format: 'text[]',
      type: 'array',
      items: { type: 'string' },
    })
    expect(doc.definitions.rest_misc_docs?.properties.meta).toEqual({ format: 'jsonb' })
    expect(doc.definitions.rest_books?.properties.author_id?.description).toBe(
      "Note:\nThis is a Foreign Key to `rest_authors.id`.<fk table='rest_authors' column='id'/>",
    )
    expect(doc.parameters['rowFilter.rest_misc_items.sku']).toEqual({
      name: 'sku',
      description: 'Stock keeping unit',
      required: false,
      in: 'query',
      type: 'string',
    })

    const label = doc.paths['/rpc/rest_misc_label']
    expect(label?.get?.summary).toBe('Label of an item')
    expect(label?.get?.description).toBe('Adds the suffix.')
    expect(label?.get?.parameters).toEqual([
      { name: 'item_id', required: true, in: 'query', format: 'bigint', type: 'integer' },
      { name: 'suffix', required: false, in: 'query', format: 'text', type: 'string' },
    ])
    expect(label?.post?.parameters?.[0]).toEqual({
      name: 'args',
      required: true,
      in: 'body',
      schema: {
        description: 'Label of an item\nAdds the suffix.',
        required: ['item_id'],
        properties: {
          item_id: { format: 'bigint', type: 'integer' },
          suffix: { format: 'text', type: 'string' },
        },
        type: 'object',
      },
    })
  })

  it('shows the service role what anon may not see, and answers only JSON media types', async () => {
    const { doc } = await documentFor(stackEnv().SERVICE_ROLE_KEY)
    expect(doc.paths['/rest_misc_secret']?.get).toBeDefined()
    const csv = await restFetch('/', { headers: { Accept: 'text/csv' } })
    expect(csv.status).toBe(406)
    expect(csv.json).toMatchObject({
      code: 'PGRST107',
      message: 'None of these media types are available: text/csv',
    })
    const head = await fetch(`${stackEnv().API_URL}/rest/v1/`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
