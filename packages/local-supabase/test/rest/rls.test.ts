import { beforeAll, describe, expect, it } from 'vitest'
import { withPg } from '../helpers.ts'
import {
  anonClient,
  clientWithToken,
  createTestUser,
  mintToken,
  restFetch,
  serviceClient,
  type TestUser,
} from './rest-helpers.ts'

const notesOf = (ownerId: string) =>
  withPg(
    async (db) =>
      (
        await db.query(
          'select title, body, locked from public.rest_notes where owner_id = $1 order by id',
          [ownerId],
        )
      ).rows,
  )

describe('REST auth: keys, JWTs, roles', () => {
  it('runs a request with no API key as anon (as `supabase start` does)', async () => {
    const res = await restFetch('/rest_books?select=id&order=id&limit=1', {
      headers: { apikey: '' },
    })
    expect(res.status).toBe(200)
    expect(res.json).toEqual([{ id: 1 }])
    const notes = await restFetch('/rest_notes', { headers: { apikey: '' } })
    expect(notes.status).toBe(401)
    expect(notes.json.code).toBe('42501')
  })

  it('refuses a token with a bad signature and an expired token', async () => {
    const bad = await restFetch('/rest_books', { headers: { Authorization: 'Bearer abc.def.ghi' } })
    expect(bad.status).toBe(401)
    expect(bad.json.code).toBe('PGRST301')
    const expired = await mintToken(
      { role: 'authenticated', sub: '00000000-0000-0000-0000-000000000001' },
      -10,
    )
    const res = await restFetch('/rest_books', { headers: { Authorization: `Bearer ${expired}` } })
    expect(res.status).toBe(401)
    expect(res.json.code).toBe('PGRST303')
    expect(res.json.message).toBe('JWT expired')
  })

  it('refuses a token that expires after it was first accepted (verified tokens are remembered only until exp)', async () => {
    const token = await mintToken(
      { role: 'authenticated', sub: '00000000-0000-0000-0000-000000000002' },
      2,
    )
    const before = await restFetch('/rest_books?select=id&limit=1', {
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(before.status).toBe(200)
    // jose's expiry check: expired once the clock reaches `exp` (seconds).
    const exp = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).exp
    await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 50))
    const after = await restFetch('/rest_books?select=id&limit=1', {
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(after.status).toBe(401)
    expect(after.json.code).toBe('PGRST303')
  })

  it('refuses roles the authenticator role is not granted', async () => {
    const token = await mintToken({ role: 'postgres' })
    const res = await restFetch('/rest_books', { headers: { Authorization: `Bearer ${token}` } })
    expect(res.status).toBe(401)
    expect(res.json.code).toBe('PGRST301')
  })

  it('sets role, claims, method, path and headers for the request, read-only for GET', async () => {
    const user = await createTestUser()
    const get = await restFetch('/rpc/rest_whoami', {
      headers: { Authorization: `Bearer ${user.token}`, 'X-Custom': 'hello' },
    })
    expect(get.status).toBe(200)
    expect(get.json).toMatchObject({
      uid: user.id,
      role: 'authenticated',
      claim_role: 'authenticated',
      method: 'GET',
      path: '/rpc/rest_whoami',
      custom_header: 'hello',
      read_only: 'on',
    })
    expect(String((get.json as unknown as Record<string, string>).search_path)).toContain('public')
    const anon = await anonClient().rpc('rest_whoami')
    expect(anon.data).toMatchObject({ uid: null, role: 'anon', method: 'POST' })
  })
})

describe('REST row level security', () => {
  let alice: TestUser
  let bob: TestUser

  beforeAll(async () => {
    alice = await createTestUser('alice')
    bob = await createTestUser('bob')
    const a = await alice.client.from('rest_notes').insert([{ title: 'a1' }, { title: 'a2' }])
    const b = await bob.client.from('rest_notes').insert({ title: 'b1' })
    expect(a.error).toBeNull()
    expect(b.error).toBeNull()
    await withPg((db) =>
      db.query(
        `insert into public.rest_notes (owner_id, title, locked) values ($1, 'locked', true)`,
        [alice.id],
      ),
    )
  })

  it('each user sees only their own rows', async () => {
    const a = await alice.client.from('rest_notes').select('title, owner_id').order('id')
    expect(a.data).toEqual([
      { title: 'a1', owner_id: alice.id },
      { title: 'a2', owner_id: alice.id },
      { title: 'locked', owner_id: alice.id },
    ])
    const b = await bob.client.from('rest_notes').select('title').order('id')
    expect(b.data).toEqual([{ title: 'b1' }])
  })

  it('anon is refused with 401; the service role sees everything', async () => {
    const anon = await anonClient().from('rest_notes').select('*')
    expect(anon.status).toBe(401)
    expect(anon.error?.code).toBe('42501')
    const all = await serviceClient()
      .from('rest_notes')
      .select('title')
      .in('owner_id', [alice.id, bob.id])
      .order('id')
    expect(all.data?.map((n) => n.title)).toEqual(['a1', 'a2', 'b1', 'locked'])
  })

  it('a write the policy forbids answers 403 and changes nothing', async () => {
    const res = await alice.client.from('rest_notes').insert({ title: 'forged', owner_id: bob.id })
    expect(res.status).toBe(403)
    expect(res.error?.code).toBe('42501')
    expect(await notesOf(bob.id)).toEqual([{ title: 'b1', body: null, locked: false }])
  })

  it('anon writes answer 401', async () => {
    const res = await anonClient()
      .from('rest_items')
      .insert({ batch: 'anon', sku: `anon-${Date.now()}` })
    expect(res.status).toBe(401)
    expect(res.error?.code).toBe('42501')
  })

  it("updates and deletes never reach another user's rows", async () => {
    const upd = await alice.client
      .from('rest_notes')
      .update({ body: 'hacked' })
      .eq('title', 'b1')
      .select()
    expect(upd.error).toBeNull()
    expect(upd.data).toEqual([])
    const del = await alice.client.from('rest_notes').delete().eq('title', 'b1').select()
    expect(del.data).toEqual([])
    expect(await notesOf(bob.id)).toEqual([{ title: 'b1', body: null, locked: false }])
  })

  it('a locked row cannot be updated (policy USING) and stays unchanged', async () => {
    const res = await alice.client
      .from('rest_notes')
      .update({ body: 'x' })
      .eq('title', 'locked')
      .select()
    expect(res.data).toEqual([])
    expect((await notesOf(alice.id)).find((n) => n.title === 'locked')).toEqual({
      title: 'locked',
      body: null,
      locked: true,
    })
  })

  it('a valid token for a user with no rows sees nothing', async () => {
    const token = await mintToken({
      role: 'authenticated',
      sub: '00000000-0000-0000-0000-00000000abcd',
    })
    const res = await clientWithToken(token).from('rest_notes').select('*')
    expect(res.error).toBeNull()
    expect(res.data).toEqual([])
  })
})
