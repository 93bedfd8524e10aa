import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { anonClient, createTestUser, serviceClient } from './storage-helpers.ts'

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`

describe('buckets', () => {
  it('creates, gets, lists, updates, empties and deletes a bucket', async () => {
    const storage = serviceClient().storage
    const id = unique('bk')
    const created = await storage.createBucket(id, {
      public: false,
      fileSizeLimit: '1MB',
      allowedMimeTypes: ['image/*'],
    })
    expect(created).toEqual({ data: { name: id }, error: null })
    const got = await storage.getBucket(id)
    expect(got.data).toMatchObject({
      id,
      name: id,
      public: false,
      file_size_limit: 1_000_000,
      allowed_mime_types: ['image/*'],
    })
    expect(typeof got.data?.created_at).toBe('string')
    const listed = await storage.listBuckets()
    expect(listed.data?.map((b) => b.id)).toContain(id)
    const searched = await storage.listBuckets({ search: id.slice(3) })
    expect(searched.data?.map((b) => b.id)).toEqual([id])

    expect(
      await storage.updateBucket(id, { public: true, fileSizeLimit: 2048, allowedMimeTypes: null }),
    ).toEqual({
      data: { message: 'Successfully updated' },
      error: null,
    })
    expect((await storage.getBucket(id)).data).toMatchObject({
      public: true,
      file_size_limit: 2048,
      allowed_mime_types: null,
    })

    await storage.from(id).upload('a/one.txt', 'x', { contentType: 'text/plain' })
    const notEmpty = await storage.deleteBucket(id)
    expect(notEmpty.error).toMatchObject({
      statusCode: '409',
      message: 'The bucket you tried to delete is not empty',
    })
    expect(await storage.emptyBucket(id)).toEqual({
      data: { message: 'Successfully emptied' },
      error: null,
    })
    expect((await storage.from(id).list('a')).data).toEqual([])
    expect(await storage.deleteBucket(id)).toEqual({
      data: { message: 'Successfully deleted' },
      error: null,
    })
    expect((await storage.getBucket(id)).error).toMatchObject({
      statusCode: '404',
      message: 'Bucket not found',
    })
  })

  it('refuses a duplicate bucket (409), an invalid name and an unreadable size limit', async () => {
    const storage = serviceClient().storage
    const id = unique('bk')
    await storage.createBucket(id)
    expect((await storage.createBucket(id)).error).toMatchObject({
      status: 400,
      statusCode: '409',
      message: 'The resource already exists',
    })
    expect((await storage.createBucket('bad/name')).error).toMatchObject({
      statusCode: '400',
      message: 'Bucket name invalid',
    })
    expect(
      (await storage.createBucket(unique('bk'), { public: false, fileSizeLimit: 'lots' })).error,
    ).toMatchObject({
      statusCode: '400',
    })
    expect((await storage.updateBucket(unique('nope'), { public: true })).error).toMatchObject({
      statusCode: '404',
    })
    expect((await storage.deleteBucket(unique('nope'))).error).toMatchObject({ statusCode: '404' })
  })

  it('runs bucket operations as the caller: RLS on storage.buckets decides', async () => {
    const user = await createTestUser('st-bk')
    // The fixture lets signed-in users read buckets, but no one may create one except the service role.
    expect((await user.client.storage.listBuckets()).data?.map((b) => b.id)).toContain('st-private')
    expect((await anonClient().storage.listBuckets()).data).toEqual([])
    expect((await anonClient().storage.getBucket('st-private')).error).toMatchObject({
      statusCode: '404',
    })
    const created = await user.client.storage.createBucket(unique('bk'))
    expect(created.error).toMatchObject({
      statusCode: '403',
      message: 'new row violates row-level security policy',
    })
  })
})
