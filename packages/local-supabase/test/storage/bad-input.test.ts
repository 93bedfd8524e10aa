import { describe, expect, it } from 'vitest'
import { withPg } from '../helpers.ts'
import { bearer, createTestUser, rawRequest, storageFetch } from './storage-helpers.ts'

async function objectCount(prefix: string): Promise<number> {
  return withPg(async (db) => {
    const { rows } = await db.query(
      'select count(*)::int as n from storage.objects where name like $1',
      [`${prefix}%`],
    )
    return rows[0].n as number
  })
}

describe('bad input: clear 4xx, nothing written', () => {
  it('refuses a file over the bucket limit (413) whether declared or streamed', async () => {
    const user = await createTestUser('st-bad')
    const storage = user.client.storage.from('st-limited')
    const big = 'x'.repeat(2048)
    const declared = await storage.upload(`${user.id}/big.txt`, big, { contentType: 'text/plain' })
    expect(declared.error).toMatchObject({
      status: 400,
      statusCode: '413',
      message: 'The object exceeded the maximum allowed size',
    })
    const multipart = await storage.upload(
      `${user.id}/big-blob.txt`,
      new Blob([big], { type: 'text/plain' }),
    )
    expect(multipart.error).toMatchObject({ statusCode: '413' })
    // A stream without Content-Length is cut off at the limit.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new Uint8Array(600).fill(65))
        controller.close()
      },
    })
    const streamed = await storage.upload(`${user.id}/big-stream.txt`, stream, {
      contentType: 'text/plain',
    })
    expect(streamed.error).toMatchObject({ statusCode: '413' })
    const raw = await storageFetch(`/object/st-limited/${user.id}/raw.txt`, {
      method: 'POST',
      headers: { ...bearer(user.token), 'content-type': 'text/plain' },
      body: big,
    })
    expect(raw.json).toEqual({
      statusCode: '413',
      code: 'EntityTooLarge',
      error: 'Payload too large',
      message: 'The object exceeded the maximum allowed size',
    })
    expect(await objectCount(user.id)).toBe(0)
    expect(
      (
        await storage.upload(`${user.id}/small.txt`, 'x'.repeat(1024), {
          contentType: 'text/plain',
        })
      ).error,
    ).toBeNull()
  })

  it('refuses a MIME type the bucket does not allow (415); image/* matches any image', async () => {
    const user = await createTestUser('st-bad')
    const storage = user.client.storage.from('st-limited')
    const refused = await storage.upload(`${user.id}/doc.pdf`, 'pdf', {
      contentType: 'application/pdf',
    })
    expect(refused.error).toMatchObject({
      status: 400,
      statusCode: '415',
      message: 'mime type application/pdf is not supported',
    })
    const raw = await storageFetch(`/object/st-limited/${user.id}/doc2.pdf`, {
      method: 'POST',
      headers: { ...bearer(user.token), 'content-type': 'application/pdf' },
      body: 'pdf',
    })
    expect(raw.json).toMatchObject({ code: 'InvalidMimeType', error: 'invalid_mime_type' })
    expect(await objectCount(user.id)).toBe(0)
    expect(
      (await storage.upload(`${user.id}/pic.png`, 'png', { contentType: 'image/png' })).error,
    ).toBeNull()
    expect(
      (await storage.upload(`${user.id}/pic.webp`, 'webp', { contentType: 'image/webp' })).error,
    ).toBeNull()
  })

  it('refuses path traversal, absolute names and empty segments', async () => {
    const user = await createTestUser('st-bad')
    for (const name of [
      `${user.id}/../${user.id}/x.txt`,
      `${user.id}/./x.txt`,
      `${user.id}//x.txt`,
      `${user.id}/x/`,
      `${user.id}/%2e%2e/x.txt`,
      `${user.id}/a%00b.txt`,
    ]) {
      const res = await rawRequest(
        'POST',
        `/object/st-private/${name}`,
        { ...bearer(user.token), 'content-type': 'text/plain' },
        'x',
      )
      expect(res.status, name).toBe(400)
      expect(res.json, name).toMatchObject({ statusCode: '400', code: 'InvalidKey' })
    }
    const absolute = await rawRequest('GET', '/object/st-private//etc/passwd', bearer(user.token))
    expect(absolute.json).toMatchObject({ code: 'InvalidKey' })
    const moved = await user.client.storage
      .from('st-private')
      .move(`${user.id}/a.txt`, `${user.id}/../../etc/passwd`)
    expect(moved.error).toMatchObject({ statusCode: '400' })
    expect(await objectCount(user.id)).toBe(0)
  })

  it('refuses a missing, forged or expired token with AccessDenied', async () => {
    const user = await createTestUser('st-bad')
    const missing = await storageFetch('/bucket')
    expect(missing.json).toMatchObject({
      statusCode: '403',
      error: 'Unauthorized',
      message: 'jwt must be provided',
    })
    const forged = await storageFetch('/bucket', {
      headers: { authorization: `Bearer ${user.token}x` },
    })
    expect(forged.json).toMatchObject({ statusCode: '403', message: 'invalid signature' })
    const body = await storageFetch(`/object/list/st-private`, {
      method: 'POST',
      headers: { ...bearer(user.token), 'content-type': 'application/json' },
      body: '{"prefix": ',
    })
    expect(body.status).toBe(400)
    expect(body.json).toMatchObject({ statusCode: '400' })
    const unknown = await storageFetch('/nowhere', { headers: bearer(user.token) })
    expect(unknown.status).toBe(404)
  })
})
