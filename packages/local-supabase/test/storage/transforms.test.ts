import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { anonClient, bearer, createTestUser, storageFetch } from './storage-helpers.ts'

async function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .png()
    .toBuffer()
}

describe('image transforms through /render/image', () => {
  it('resizes a public image by URL (cover by default; webp for clients that accept it)', async () => {
    const user = await createTestUser('st-img')
    const name = `${user.id}/photo.png`
    const upload = await user.client.storage
      .from('st-public')
      .upload(name, await png(400, 200), { contentType: 'image/png' })
    expect(upload.error).toBeNull()
    const { data } = anonClient()
      .storage.from('st-public')
      .getPublicUrl(name, {
        transform: { width: 100, height: 100, format: 'origin' },
      })
    expect(data.publicUrl).toContain('/render/image/public/st-public/')
    const res = await fetch(data.publicUrl)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata()
    expect([meta.width, meta.height, meta.format]).toEqual([100, 100, 'png'])

    const contain = anonClient()
      .storage.from('st-public')
      .getPublicUrl(name, {
        transform: { width: 100, height: 100, resize: 'contain', quality: 50 },
      })
    const webp = await fetch(contain.data.publicUrl, { headers: { accept: 'image/webp,*/*' } })
    expect(webp.headers.get('content-type')).toBe('image/webp')
    const webpMeta = await sharp(Buffer.from(await webp.arrayBuffer())).metadata()
    expect(webpMeta.format).toBe('webp')

    const fill = anonClient()
      .storage.from('st-public')
      .getPublicUrl(name, {
        transform: { width: 50, height: 80, resize: 'fill', format: 'origin' },
      })
    const filled = await sharp(
      Buffer.from(await (await fetch(fill.data.publicUrl)).arrayBuffer()),
    ).metadata()
    expect([filled.width, filled.height]).toEqual([50, 80])
  })

  it('transforms authenticated downloads and signed URLs, which carry the transform in the token', async () => {
    const user = await createTestUser('st-img')
    const name = `${user.id}/private.png`
    await user.client.storage
      .from('st-private')
      .upload(name, await png(300, 300), { contentType: 'image/png' })
    const download = await user.client.storage
      .from('st-private')
      .download(name, { transform: { width: 30, height: 30, format: 'origin' } })
    expect(download.error).toBeNull()
    const meta = await sharp(Buffer.from(await (download.data as Blob).arrayBuffer())).metadata()
    expect([meta.width, meta.height]).toEqual([30, 30])

    const signed = await user.client.storage.from('st-private').createSignedUrl(name, 60, {
      transform: { width: 20, height: 10, format: 'origin' },
    })
    expect(signed.data?.signedUrl).toContain('/render/image/sign/')
    const res = await fetch(signed.data?.signedUrl as string)
    const signedMeta = await sharp(Buffer.from(await res.arrayBuffer())).metadata()
    expect([signedMeta.width, signedMeta.height]).toEqual([20, 10])
  })

  it('refuses bad transform options and non-images with 4xx', async () => {
    const user = await createTestUser('st-img')
    await user.client.storage.from('st-private').upload(`${user.id}/t.txt`, 'not an image')
    await user.client.storage
      .from('st-private')
      .upload(`${user.id}/i.png`, await png(10, 10), { contentType: 'image/png' })
    const text = await storageFetch(
      `/render/image/authenticated/st-private/${user.id}/t.txt?width=10`,
      { headers: bearer(user.token) },
    )
    expect(text.status).toBe(400)
    expect(text.json).toMatchObject({ statusCode: '422' })
    const badResize = await storageFetch(
      `/render/image/authenticated/st-private/${user.id}/i.png?resize=explode`,
      { headers: bearer(user.token) },
    )
    expect(badResize.json).toMatchObject({ statusCode: '400' })
    const hugeWidth = await storageFetch(
      `/render/image/authenticated/st-private/${user.id}/i.png?width=99999`,
      { headers: bearer(user.token) },
    )
    expect(hugeWidth.json).toMatchObject({ statusCode: '400' })
  })
})
