import { describe, expect, it } from 'vitest'
import { createTestUser } from './storage-helpers.ts'

describe('list(): one level, folders as Supabase returns them', () => {
  it('lists files and folders under a prefix, with paging, sorting and search', async () => {
    const user = await createTestUser('st-list')
    const storage = user.client.storage.from('st-private')
    const root = user.id
    for (const name of ['b.txt', 'a.txt', 'C.txt', 'sub/x.txt', 'sub/deep/y.txt', 'other/z.txt']) {
      expect((await storage.upload(`${root}/${name}`, name)).error).toBeNull()
    }
    const { data, error } = await storage.list(root)
    expect(error).toBeNull()
    expect(data?.map((e) => e.name)).toEqual(['a.txt', 'b.txt', 'C.txt', 'other', 'sub'])
    const folder = data?.find((e) => e.name === 'sub')
    expect(folder).toEqual({
      name: 'sub',
      id: null,
      updated_at: null,
      created_at: null,
      last_accessed_at: null,
      metadata: null,
    })
    const file = data?.find((e) => e.name === 'a.txt')
    expect(file?.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(file?.metadata).toMatchObject({ size: 5, mimetype: 'text/plain;charset=UTF-8' })

    // A trailing slash means the same folder; deeper levels list on their own.
    expect((await storage.list(`${root}/`)).data?.length).toBe(5)
    expect((await storage.list(`${root}/sub`)).data?.map((e) => e.name)).toEqual(['deep', 'x.txt'])

    const page = await storage.list(root, { limit: 2, offset: 1 })
    expect(page.data?.map((e) => e.name)).toEqual(['b.txt', 'C.txt'])
    const desc = await storage.list(root, { sortBy: { column: 'name', order: 'desc' } })
    expect(desc.data?.map((e) => e.name)).toEqual(['sub', 'other', 'C.txt', 'b.txt', 'a.txt'])
    const byDate = await storage.list(root, { sortBy: { column: 'created_at', order: 'asc' } })
    expect(byDate.data?.slice(0, 2).map((e) => e.name)).toEqual(['other', 'sub'])
    expect(byDate.data?.slice(2).map((e) => e.name)).toEqual(['b.txt', 'a.txt', 'C.txt'])
    const search = await storage.list(root, { search: 'c' })
    expect(search.data?.map((e) => e.name)).toEqual(['C.txt'])
  })

  it('refuses a bad sort column or limit with 400', async () => {
    const user = await createTestUser('st-list')
    const storage = user.client.storage.from('st-private')
    const bad = await storage.list(user.id, {
      sortBy: { column: 'owner; drop table x', order: 'asc' },
    })
    expect(bad.error).toMatchObject({ status: 400, statusCode: '400' })
    expect((await storage.list(user.id, { limit: 0 })).error).toMatchObject({ statusCode: '400' })
  })
})
