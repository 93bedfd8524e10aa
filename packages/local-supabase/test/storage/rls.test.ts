import { describe, expect, it } from 'vitest'
import { withPg } from '../helpers.ts'
import { anonClient, bearer, createTestUser, storageFetch } from './storage-helpers.ts'

const RLS_ERROR = {
  status: 400,
  statusCode: '403',
  message: 'new row violates row-level security policy',
}

describe('RLS on storage.objects: a folder per user through storage.foldername(name)', () => {
  it('lets a user write only under their own folder; nothing is stored otherwise', async () => {
    const alice = await createTestUser('st-rls')
    const bob = await createTestUser('st-rls')
    const storage = alice.client.storage.from('st-private')
    expect((await storage.upload(`${alice.id}/ok.txt`, 'mine')).error).toBeNull()
    const intoBob = await storage.upload(`${bob.id}/sneaky.txt`, 'not yours')
    expect(intoBob.error).toMatchObject(RLS_ERROR)
    const atRoot = await storage.upload('root.txt', 'no folder')
    expect(atRoot.error).toMatchObject(RLS_ERROR)
    const raw = await storageFetch(`/object/st-private/${bob.id}/raw.txt`, {
      method: 'POST',
      headers: { ...bearer(alice.token), 'content-type': 'text/plain' },
      body: 'x',
    })
    expect(raw.json).toEqual({
      statusCode: '403',
      code: 'AccessDenied',
      error: 'Unauthorized',
      message: 'new row violates row-level security policy',
    })
    const rows = await withPg((db) =>
      db.query(`select name from storage.objects where bucket_id = 'st-private' and name like $1`, [
        `${bob.id}/%`,
      ]),
    )
    expect(rows.rowCount).toBe(0)
  })

  it("hides other users' objects from download, info, list and signing", async () => {
    const alice = await createTestUser('st-rls')
    const bob = await createTestUser('st-rls')
    const name = `${alice.id}/private.txt`
    await alice.client.storage.from('st-private').upload(name, 'alice only')
    const asBob = bob.client.storage.from('st-private')
    expect((await asBob.download(name)).error).toMatchObject({
      statusCode: '404',
      message: 'Object not found',
    })
    expect((await asBob.info(name)).error).toMatchObject({ statusCode: '404' })
    expect((await asBob.list(alice.id)).data).toEqual([])
    expect((await asBob.createSignedUrl(name, 60)).error).toMatchObject({ statusCode: '404' })
    expect((await anonClient().storage.from('st-private').download(name)).error).toMatchObject({
      statusCode: '404',
    })
    // Removing what RLS hides removes nothing.
    expect((await asBob.remove([name])).data).toEqual([])
    expect(await (await alice.client.storage.from('st-private').download(name)).data?.text()).toBe(
      'alice only',
    )
  })

  it("upsert over another user's object is refused and leaves it unchanged", async () => {
    const alice = await createTestUser('st-rls')
    const bob = await createTestUser('st-rls')
    const name = `${alice.id}/p.txt`
    await alice.client.storage.from('st-public').upload(name, 'original')
    const overwrite = await bob.client.storage
      .from('st-public')
      .upload(name, 'overwritten', { upsert: true })
    expect(overwrite.error).toMatchObject({ statusCode: '403' })
    const res = await fetch(
      anonClient().storage.from('st-public').getPublicUrl(name).data.publicUrl,
    )
    expect(await res.text()).toBe('original')
  })

  it("a move into another user's folder is refused by the update policy", async () => {
    const alice = await createTestUser('st-rls')
    const bob = await createTestUser('st-rls')
    const storage = alice.client.storage.from('st-private')
    await storage.upload(`${alice.id}/m.txt`, 'move me')
    const moved = await storage.move(`${alice.id}/m.txt`, `${bob.id}/m.txt`)
    expect(moved.error).toMatchObject(RLS_ERROR)
    expect(await (await storage.download(`${alice.id}/m.txt`)).data?.text()).toBe('move me')
  })

  it("RLS is enabled on both tables and the API roles hold Supabase's grants", async () => {
    const facts = await withPg(async (db) => {
      const rls = await db.query(
        `select relname, relrowsecurity from pg_class where oid in ('storage.objects'::regclass, 'storage.buckets'::regclass) order by relname`,
      )
      const grants = await db.query(
        `select r, has_table_privilege(r, 'storage.objects', 'select,insert,update,delete') as objects,
                has_table_privilege(r, 'storage.buckets', 'select,insert,update,delete') as buckets
         from unnest(array['anon', 'authenticated', 'service_role']) r`,
      )
      const fns = await db.query(
        `select storage.foldername('a/b/c.png') as folders, storage.filename('a/b/c.png') as file,
                storage.extension('a/b/c.png') as ext`,
      )
      return { rls: rls.rows, grants: grants.rows, fns: fns.rows[0] }
    })
    expect(facts.rls).toEqual([
      { relname: 'buckets', relrowsecurity: true },
      { relname: 'objects', relrowsecurity: true },
    ])
    for (const g of facts.grants) expect(g).toMatchObject({ objects: true, buckets: true })
    expect(facts.fns).toEqual({ folders: ['a', 'b'], file: 'c.png', ext: 'png' })
  })
})
