import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { withPg } from '../helpers.ts'
import {
  anonClient,
  bearer,
  createTestUser,
  serviceClient,
  storageFetch,
} from './storage-helpers.ts'

describe('objects: upload, download, info, remove', () => {
  it('uploads into the own folder and reads the bytes, metadata and headers back', async () => {
    const user = await createTestUser('st-obj')
    const storage = user.client.storage.from('st-private')
    const name = `${user.id}/notes/hello.txt`
    const { data, error } = await storage.upload(name, 'hello storage', {
      contentType: 'text/plain',
    })
    expect(error).toBeNull()
    expect(data?.path).toBe(name)
    expect(data?.fullPath).toBe(`st-private/${name}`)
    expect(data?.id).toMatch(/^[0-9a-f-]{36}$/)

    const download = await storage.download(name)
    expect(download.error).toBeNull()
    expect(await download.data?.text()).toBe('hello storage')

    const row = await withPg(async (db) => {
      const { rows } = await db.query(
        `select id, owner, owner_id, metadata, path_tokens, version from storage.objects where bucket_id = 'st-private' and name = $1`,
        [name],
      )
      return rows[0]
    })
    expect(row.id).toBe(data?.id)
    expect(row.owner).toBe(user.id)
    expect(row.owner_id).toBe(user.id)
    expect(row.path_tokens).toEqual([user.id, 'notes', 'hello.txt'])
    expect(row.metadata).toMatchObject({
      size: 13,
      mimetype: 'text/plain',
      cacheControl: 'max-age=3600',
      contentLength: 13,
      httpStatusCode: 200,
      // MD5 of the bytes, quoted, as Storage's file backend writes it.
      eTag: '"29dea3727325aec7b9c202be90431c71"',
    })

    const raw = await storageFetch(`/object/authenticated/st-private/${name}`, {
      headers: bearer(user.token),
    })
    expect(raw.status).toBe(200)
    expect(raw.headers.get('content-type')).toBe('text/plain')
    expect(raw.headers.get('cache-control')).toBe('max-age=3600')
    expect(raw.headers.get('etag')).toBe(row.metadata.eTag)
    expect(raw.headers.get('last-modified')).toBe(new Date(row.metadata.lastModified).toUTCString())
    expect(raw.headers.get('content-length')).toBe('13')

    const info = await storage.info(name)
    expect(info.error).toBeNull()
    expect(info.data).toMatchObject({
      id: data?.id,
      name,
      bucketId: 'st-private',
      size: 13,
      contentType: 'text/plain',
    })
    expect(await storage.exists(name)).toEqual({ data: true, error: null })
  })

  it('multipart uploads (Blob) keep their content type, cache control and user metadata', async () => {
    const user = await createTestUser('st-obj')
    const storage = user.client.storage.from('st-private')
    const name = `${user.id}/blob.json`
    const blob = new Blob([JSON.stringify({ a: 1 })], { type: 'application/json' })
    const { error } = await storage.upload(name, blob, {
      cacheControl: '60',
      metadata: { kind: 'report' },
    })
    expect(error).toBeNull()
    const info = await storage.info(name)
    expect(info.data).toMatchObject({
      contentType: 'application/json',
      cacheControl: 'max-age=60',
      metadata: { kind: 'report' },
    })
    const download = await storage.download(name)
    expect(await download.data?.text()).toBe('{"a":1}')
  })

  it('refuses an existing name without upsert (409 in the body), replaces it with upsert', async () => {
    const user = await createTestUser('st-obj')
    const storage = user.client.storage.from('st-private')
    const name = `${user.id}/twice.txt`
    expect((await storage.upload(name, 'one')).error).toBeNull()
    const again = await storage.upload(name, 'two')
    expect(again.error).toMatchObject({
      message: 'The resource already exists',
      status: 400,
      statusCode: '409',
    })
    expect(await (await storage.download(name)).data?.text()).toBe('one')
    const before = await withPg((db) =>
      db.query(
        `select id, version from storage.objects where bucket_id = 'st-private' and name = $1`,
        [name],
      ),
    )
    const replaced = await storage.upload(name, 'three', { upsert: true })
    expect(replaced.error).toBeNull()
    expect(replaced.data?.id).toBe(before.rows[0].id)
    expect(await (await storage.download(name)).data?.text()).toBe('three')
    const after = await withPg((db) =>
      db.query(
        `select id, version from storage.objects where bucket_id = 'st-private' and name = $1`,
        [name],
      ),
    )
    expect(after.rows[0].version).not.toBe(before.rows[0].version)
  })

  it('update() replaces the bytes of an existing object', async () => {
    const user = await createTestUser('st-obj')
    const storage = user.client.storage.from('st-private')
    const name = `${user.id}/update.txt`
    await storage.upload(name, 'first')
    const { error } = await storage.update(name, 'second version')
    expect(error).toBeNull()
    expect(await (await storage.download(name)).data?.text()).toBe('second version')
  })

  it('answers Object not found and Bucket not found as Supabase does', async () => {
    const user = await createTestUser('st-obj')
    const missing = await user.client.storage.from('st-private').download(`${user.id}/nope.txt`)
    expect(missing.error).toMatchObject({
      status: 400,
      statusCode: '404',
      message: 'Object not found',
    })
    expect(
      await user.client.storage.from('st-private').exists(`${user.id}/nope.txt`),
    ).toMatchObject({ data: false })
    const noBucket = await user.client.storage
      .from(`nobucket-${randomUUID().slice(0, 6)}`)
      .upload('a.txt', 'x')
    expect(noBucket.error).toMatchObject({
      status: 400,
      statusCode: '404',
      message: 'Bucket not found',
    })
    const raw = await storageFetch(`/object/authenticated/st-private/${user.id}/nope.txt`, {
      headers: bearer(user.token),
    })
    expect(raw.json).toEqual({
      statusCode: '404',
      code: 'NoSuchKey',
      error: 'not_found',
      message: 'Object not found',
    })
  })

  it('removes objects and their files; a second remove finds nothing', async () => {
    const user = await createTestUser('st-obj')
    const storage = user.client.storage.from('st-private')
    const names = [`${user.id}/r/a.txt`, `${user.id}/r/b.txt`]
    for (const name of names) await storage.upload(name, name)
    const { data, error } = await storage.remove(names)
    expect(error).toBeNull()
    expect(data?.map((o) => o.name).sort()).toEqual(names)
    expect((await storage.remove(names)).data).toEqual([])
    expect((await storage.download(names[0] as string)).error).toMatchObject({ statusCode: '404' })
    const left = await withPg((db) =>
      db.query(`select 1 from storage.objects where name = any($1)`, [names]),
    )
    expect(left.rowCount).toBe(0)
  })

  it('public buckets serve through the public URL without a key; private ones do not', async () => {
    const user = await createTestUser('st-obj')
    const name = `${user.id}/pic.txt`
    expect(
      (await user.client.storage.from('st-public').upload(name, 'public bytes')).error,
    ).toBeNull()
    const { data } = anonClient().storage.from('st-public').getPublicUrl(name)
    const res = await fetch(data.publicUrl)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('public bytes')
    await user.client.storage.from('st-private').upload(name, 'secret')
    const privateUrl = anonClient().storage.from('st-private').getPublicUrl(name).data.publicUrl
    const refused = await fetch(privateUrl)
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({ statusCode: '404', message: 'Bucket not found' })
  })

  it('serves HTML as plain text, as Storage does', async () => {
    const user = await createTestUser('st-obj')
    const name = `${user.id}/page.html`
    await user.client.storage
      .from('st-public')
      .upload(name, '<script>alert(1)</script>', { contentType: 'text/html' })
    const res = await fetch(
      anonClient().storage.from('st-public').getPublicUrl(name).data.publicUrl,
    )
    expect(res.headers.get('content-type')).toBe('text/plain')
    const download = await fetch(
      anonClient().storage.from('st-public').getPublicUrl(name, { download: true }).data.publicUrl,
    )
    expect(download.headers.get('content-disposition')).toBe('attachment;')
  })

  it('service role bypasses RLS', async () => {
    const user = await createTestUser('st-obj')
    const name = `${user.id}/by-service.txt`
    const service = serviceClient().storage.from('st-private')
    expect((await service.upload(name, 'svc')).error).toBeNull()
    expect(await (await user.client.storage.from('st-private').download(name)).data?.text()).toBe(
      'svc',
    )
  })
})
