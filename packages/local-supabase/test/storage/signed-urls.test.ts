import { describe, expect, it } from 'vitest'
import { stackEnv } from '../helpers.ts'
import { anonClient, createTestUser, mintToken, storageFetch } from './storage-helpers.ts'

function tamper(signedUrl: string): string {
  const url = new URL(signedUrl)
  const token = url.searchParams.get('token') as string
  const [head, payload, signature] = token.split('.')
  const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString())
  claims.exp += 3600
  const forged = `${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`
  url.searchParams.set('token', forged)
  return url.toString()
}

describe('signed URLs', () => {
  it('createSignedUrl gives a URL that works without a key until it expires', async () => {
    const user = await createTestUser('st-sign')
    const storage = user.client.storage.from('st-private')
    const name = `${user.id}/signed.txt`
    await storage.upload(name, 'signed bytes')
    const { data, error } = await storage.createSignedUrl(name, 60)
    expect(error).toBeNull()
    expect(data?.signedUrl).toContain(`/storage/v1/object/sign/st-private/${name}?token=`)
    const res = await fetch(data?.signedUrl as string)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('signed bytes')

    const download = await storage.createSignedUrl(name, 60, { download: 'report.txt' })
    const attachment = await fetch(download.data?.signedUrl as string)
    expect(attachment.headers.get('content-disposition')).toBe(
      "attachment; filename=report.txt; filename*=UTF-8''report.txt;",
    )
    // A signed URL's answer expires with its token instead of carrying the object's Cache-Control.
    const expires = Date.parse(res.headers.get('expires') as string)
    expect(Math.abs(expires - (Date.now() + 60_000))).toBeLessThan(5_000)
    expect(res.headers.get('cache-control')).toBeNull()
  })

  it('an expired token is refused with InvalidJWT "jwt expired"', async () => {
    const user = await createTestUser('st-sign')
    const storage = user.client.storage.from('st-private')
    const name = `${user.id}/expiring.txt`
    await storage.upload(name, 'soon gone')
    const { data } = await storage.createSignedUrl(name, 1)
    await new Promise((resolve) => setTimeout(resolve, 2100))
    const res = await fetch(data?.signedUrl as string)
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      statusCode: '400',
      code: 'InvalidJWT',
      error: 'InvalidJWT',
      message: 'jwt expired',
    })
  })

  it('a tampered token, a token for another object and an API token are refused', async () => {
    const user = await createTestUser('st-sign')
    const storage = user.client.storage.from('st-private')
    await storage.upload(`${user.id}/one.txt`, 'one')
    await storage.upload(`${user.id}/two.txt`, 'two')
    const { data } = await storage.createSignedUrl(`${user.id}/one.txt`, 60)
    const forged = await fetch(tamper(data?.signedUrl as string))
    expect(forged.status).toBe(400)
    expect(await forged.json()).toMatchObject({ code: 'InvalidJWT', message: 'invalid signature' })

    const token = new URL(data?.signedUrl as string).searchParams.get('token')
    const other = await storageFetch(`/object/sign/st-private/${user.id}/two.txt?token=${token}`)
    expect(other.json).toMatchObject({
      statusCode: '400',
      code: 'InvalidSignature',
      message: 'Invalid signature',
    })
    const none = await storageFetch(`/object/sign/st-private/${user.id}/two.txt`)
    expect(none.json).toMatchObject({
      statusCode: '400',
      message: "querystring must have required property 'token'",
    })

    const apiToken = await mintToken({ sub: user.id, role: 'authenticated' })
    const misuse = await storageFetch(
      `/object/sign/st-private/${user.id}/two.txt?token=${apiToken}`,
    )
    expect(misuse.json).toMatchObject({ code: 'InvalidJWT' })
    const garbage = await storageFetch(`/object/sign/st-private/${user.id}/two.txt?token=not-a-jwt`)
    expect(garbage.json).toMatchObject({ code: 'InvalidJWT', message: 'jwt malformed' })
  })

  it('createSignedUrls signs what the caller may read and names the rest', async () => {
    const user = await createTestUser('st-sign')
    const storage = user.client.storage.from('st-private')
    await storage.upload(`${user.id}/a.txt`, 'A')
    const { data, error } = await storage.createSignedUrls(
      [`${user.id}/a.txt`, `${user.id}/missing.txt`],
      60,
    )
    expect(error).toBeNull()
    expect(data?.[0]).toMatchObject({ error: null, path: `${user.id}/a.txt` })
    expect(await (await fetch(data?.[0]?.signedUrl as string)).text()).toBe('A')
    expect(data?.[1]).toEqual({
      error: 'Either the object does not exist or you do not have access to it',
      path: `${user.id}/missing.txt`,
      signedURL: null,
      signedUrl: null,
    })
  })

  it('signed upload URLs upload once for the signer as owner; tampering is refused', async () => {
    const user = await createTestUser('st-sign')
    const name = `${user.id}/via-token.txt`
    const { data, error } = await user.client.storage.from('st-private').createSignedUploadUrl(name)
    expect(error).toBeNull()
    const upload = await anonClient()
      .storage.from('st-private')
      .uploadToSignedUrl(name, data?.token as string, 'by token')
    expect(upload.error).toBeNull()
    expect(upload.data?.fullPath).toBe(`st-private/${name}`)
    expect(await (await user.client.storage.from('st-private').download(name)).data?.text()).toBe(
      'by token',
    )
    const info = await user.client.storage.from('st-private').info(name)
    expect(info.data?.id).toBeTruthy()
    // Without upsert the token cannot replace what it wrote.
    const again = await anonClient()
      .storage.from('st-private')
      .uploadToSignedUrl(name, data?.token as string, 'again')
    expect(again.error).toMatchObject({ statusCode: '409' })

    const refused = await user.client.storage
      .from('st-private')
      .createSignedUploadUrl(`someone-else/${name}`)
    expect(refused.error).toMatchObject({ statusCode: '403' })

    const other = await user.client.storage
      .from('st-private')
      .createSignedUploadUrl(`${user.id}/other.txt`)
    const forged = tamper(`${stackEnv().API_URL}/x?token=${other.data?.token}`)
    const forgedToken = new URL(forged).searchParams.get('token') as string
    const bad = await anonClient()
      .storage.from('st-private')
      .uploadToSignedUrl(`${user.id}/other.txt`, forgedToken, 'x')
    expect(bad.error).toMatchObject({ statusCode: '400', message: 'invalid signature' })
    // A download token is no upload token.
    const readToken = new URL(
      (await user.client.storage.from('st-private').createSignedUrl(name, 60)).data
        ?.signedUrl as string,
    ).searchParams.get('token') as string
    const swapped = await anonClient()
      .storage.from('st-private')
      .uploadToSignedUrl(name, readToken, 'x')
    expect(swapped.error).toMatchObject({ statusCode: '400' })
  })
})
