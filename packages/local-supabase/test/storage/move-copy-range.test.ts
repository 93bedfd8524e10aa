import { describe, expect, it } from 'vitest'
import { withPg } from '../helpers.ts'
import { bearer, createTestUser, storageFetch } from './storage-helpers.ts'

describe('move and copy', () => {
  it('moves an object (same file version, new name) and copies it to a new version', async () => {
    const user = await createTestUser('st-mv')
    const storage = user.client.storage.from('st-private')
    await storage.upload(`${user.id}/from.txt`, 'payload', { metadata: { tag: 'kept' } })
    const before = await withPg((db) =>
      db.query(`select id, version from storage.objects where name = $1`, [`${user.id}/from.txt`]),
    )
    expect(await storage.move(`${user.id}/from.txt`, `${user.id}/moved/to.txt`)).toEqual({
      data: { message: 'Successfully moved' },
      error: null,
    })
    expect((await storage.download(`${user.id}/from.txt`)).error).toMatchObject({
      statusCode: '404',
    })
    expect(await (await storage.download(`${user.id}/moved/to.txt`)).data?.text()).toBe('payload')
    const after = await withPg((db) =>
      db.query(`select id, version, path_tokens from storage.objects where name = $1`, [
        `${user.id}/moved/to.txt`,
      ]),
    )
    expect(after.rows[0]).toMatchObject({ id: before.rows[0].id, version: before.rows[0].version })
    expect(after.rows[0].path_tokens).toEqual([user.id, 'moved', 'to.txt'])

    const copied = await storage.copy(`${user.id}/moved/to.txt`, `${user.id}/copy.txt`)
    expect(copied).toEqual({ data: { path: `st-private/${user.id}/copy.txt` }, error: null })
    expect(await (await storage.download(`${user.id}/copy.txt`)).data?.text()).toBe('payload')
    expect((await storage.info(`${user.id}/copy.txt`)).data?.metadata).toEqual({ tag: 'kept' })
    const copyRow = await withPg((db) =>
      db.query(`select version from storage.objects where name = $1`, [`${user.id}/copy.txt`]),
    )
    expect(copyRow.rows[0].version).not.toBe(before.rows[0].version)
    // The copy is its own file: removing the original leaves it readable.
    await storage.remove([`${user.id}/moved/to.txt`])
    expect(await (await storage.download(`${user.id}/copy.txt`)).data?.text()).toBe('payload')
  })

  it('refuses to move or copy onto an existing name, or from a missing one', async () => {
    const user = await createTestUser('st-mv')
    const storage = user.client.storage.from('st-private')
    await storage.upload(`${user.id}/a.txt`, 'a')
    await storage.upload(`${user.id}/b.txt`, 'b')
    expect((await storage.move(`${user.id}/a.txt`, `${user.id}/b.txt`)).error).toMatchObject({
      statusCode: '409',
    })
    expect((await storage.copy(`${user.id}/a.txt`, `${user.id}/b.txt`)).error).toMatchObject({
      statusCode: '409',
    })
    expect((await storage.move(`${user.id}/none.txt`, `${user.id}/c.txt`)).error).toMatchObject({
      statusCode: '404',
    })
    expect((await storage.copy(`${user.id}/none.txt`, `${user.id}/c.txt`)).error).toMatchObject({
      statusCode: '404',
    })
    expect(await (await storage.download(`${user.id}/b.txt`)).data?.text()).toBe('b')
  })
})

describe('downloads over HTTP: ranges and validators', () => {
  it('answers Range requests with 206 and Content-Range, and 416 past the end', async () => {
    const user = await createTestUser('st-range')
    const name = `${user.id}/digits.txt`
    await user.client.storage
      .from('st-private')
      .upload(name, '0123456789', { contentType: 'text/plain' })
    const path = `/object/authenticated/st-private/${name}`
    const part = await storageFetch(path, {
      headers: { ...bearer(user.token), range: 'bytes=2-5' },
    })
    expect(part.status).toBe(206)
    expect(part.body.toString()).toBe('2345')
    expect(part.headers.get('content-range')).toBe('bytes 2-5/10')
    expect(part.headers.get('content-length')).toBe('4')
    const open = await storageFetch(path, { headers: { ...bearer(user.token), range: 'bytes=7-' } })
    expect(open.body.toString()).toBe('789')
    const suffix = await storageFetch(path, {
      headers: { ...bearer(user.token), range: 'bytes=-3' },
    })
    expect(suffix.body.toString()).toBe('789')
    const past = await storageFetch(path, {
      headers: { ...bearer(user.token), range: 'bytes=20-30' },
    })
    expect(past.status).toBe(416)
    expect(past.headers.get('content-range')).toBe('bytes */10')
    expect(past.json).toMatchObject({ code: 'InvalidRange' })

    const full = await storageFetch(path, { headers: bearer(user.token) })
    expect(full.headers.get('accept-ranges')).toBe('bytes')
    const etag = full.headers.get('etag') as string
    const cached = await storageFetch(path, {
      headers: { ...bearer(user.token), 'if-none-match': etag },
    })
    expect(cached.status).toBe(304)
    const head = await storageFetch(path, { method: 'HEAD', headers: bearer(user.token) })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe('10')
    expect(head.body.length).toBe(0)
  })

  it('sends Cache-Control from the cacheControl option (default max-age=3600)', async () => {
    const user = await createTestUser('st-range')
    const storage = user.client.storage.from('st-private')
    await storage.upload(`${user.id}/default.txt`, 'd')
    await storage.upload(`${user.id}/short.txt`, 's', { cacheControl: '60' })
    const a = await storageFetch(`/object/authenticated/st-private/${user.id}/default.txt`, {
      headers: bearer(user.token),
    })
    const b = await storageFetch(`/object/authenticated/st-private/${user.id}/short.txt`, {
      headers: bearer(user.token),
    })
    expect(a.headers.get('cache-control')).toBe('max-age=3600')
    expect(b.headers.get('cache-control')).toBe('max-age=60')
    expect(a.headers.get('content-type')).toBe('text/plain;charset=UTF-8')
  })
})
