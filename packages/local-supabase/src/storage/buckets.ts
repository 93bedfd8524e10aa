import { asCaller, ownerColumns, type StorageContext, type StorageRequest } from './context.ts'
import { storageErrors } from './errors.ts'
import { allowedMimeTypes, bucketSizeLimit } from './limits.ts'
import { checkBucketName } from './names.ts'

const BUCKET_COLUMNS = `id, name, owner, public, type, file_size_limit::float8 as file_size_limit,
  allowed_mime_types, created_at, updated_at`
const SORT_COLUMNS = new Set(['id', 'name', 'created_at', 'updated_at'])

type Body = Record<string, unknown>

function optionalBoolean(body: Body, key: string): boolean | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') throw storageErrors.badRequest(`body/${key} must be boolean`)
  return value
}

/** GET /bucket: the buckets the caller may see (RLS on storage.buckets), paged and sorted. */
export async function listBuckets(s: StorageContext, r: StorageRequest): Promise<unknown[]> {
  const q = r.url.searchParams
  const limit = q.has('limit') ? Number(q.get('limit')) : null
  const offset = q.has('offset') ? Number(q.get('offset')) : 0
  if (
    (limit !== null && !(Number.isInteger(limit) && limit >= 1)) ||
    !(Number.isInteger(offset) && offset >= 0)
  ) {
    throw storageErrors.badRequest('querystring/limit must be >= 1 and querystring/offset >= 0')
  }
  const column = q.get('sortColumn') ?? 'name'
  const order = q.get('sortOrder') ?? 'asc'
  if (!SORT_COLUMNS.has(column) || (order !== 'asc' && order !== 'desc')) {
    throw storageErrors.badRequest('querystring/sortColumn or querystring/sortOrder is not allowed')
  }
  const search = q.get('search')
  return asCaller(s, r, true, async (client) => {
    const { rows } = await client.query(
      `select ${BUCKET_COLUMNS} from storage.buckets
       where ($1::text is null or name ilike '%' || $1 || '%')
       order by ${column} ${order} limit $2 offset $3`,
      [search, limit, offset],
    )
    return rows
  })
}

export async function getBucket(
  s: StorageContext,
  r: StorageRequest,
  id: string,
): Promise<unknown> {
  return asCaller(s, r, true, async (client) => {
    const { rows } = await client.query(
      `select ${BUCKET_COLUMNS} from storage.buckets where id = $1`,
      [id],
    )
    if (!rows[0]) throw storageErrors.noSuchBucket()
    return rows[0]
  })
}

/** POST /bucket: inserted as the caller, so creating a bucket needs an insert policy (or the service role). */
export async function createBucket(
  s: StorageContext,
  r: StorageRequest,
  body: Body,
): Promise<{ name: string }> {
  const name = checkBucketName(body.name ?? body.id)
  const id = checkBucketName(body.id ?? name)
  const isPublic = optionalBoolean(body, 'public') ?? false
  const limit = bucketSizeLimit(body.file_size_limit)
  const mimeTypes = allowedMimeTypes(body.allowed_mime_types)
  const { owner, ownerId } = ownerColumns(r.auth.sub)
  await asCaller(s, r, false, async (client) => {
    await client
      .query(
        `insert into storage.buckets (id, name, owner, owner_id, public, file_size_limit, allowed_mime_types)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [id, name, owner, ownerId, isPublic, limit, mimeTypes],
      )
      .catch((error: { code?: string }) => {
        throw error.code === '23505' ? storageErrors.bucketAlreadyExists() : error
      })
  })
  return { name }
}

/** PUT /bucket/:id: public, file_size_limit, allowed_mime_types (as the caller). */
export async function updateBucket(
  s: StorageContext,
  r: StorageRequest,
  id: string,
  body: Body,
): Promise<{ message: string }> {
  const sets: string[] = []
  const values: unknown[] = [id]
  const isPublic = optionalBoolean(body, 'public')
  if (isPublic !== undefined) {
    values.push(isPublic)
    sets.push(`public = $${values.length}`)
  }
  if ('file_size_limit' in body) {
    values.push(bucketSizeLimit(body.file_size_limit))
    sets.push(`file_size_limit = $${values.length}`)
  }
  if ('allowed_mime_types' in body) {
    values.push(allowedMimeTypes(body.allowed_mime_types))
    sets.push(`allowed_mime_types = $${values.length}`)
  }
  await asCaller(s, r, false, async (client) => {
    const { rowCount } = await client.query(
      `update storage.buckets set ${[...sets, 'updated_at = now()'].join(', ')} where id = $1`,
      values,
    )
    if (!rowCount) throw storageErrors.noSuchBucket()
  })
  return { message: 'Successfully updated' }
}

/** POST /bucket/:id/empty: deletes the objects the caller may delete, then their files. */
export async function emptyBucket(
  s: StorageContext,
  r: StorageRequest,
  id: string,
): Promise<{ message: string }> {
  const versions = await asCaller(s, r, false, async (client) => {
    const found = await client.query('select 1 from storage.buckets where id = $1', [id])
    if (!found.rowCount) throw storageErrors.noSuchBucket()
    const { rows } = await client.query<{ version: string | null }>(
      'delete from storage.objects where bucket_id = $1 returning version',
      [id],
    )
    return rows
  })
  for (const { version } of versions)
    if (version) await s.files.remove(version).catch(() => undefined)
  return { message: 'Successfully emptied' }
}

/** DELETE /bucket/:id: only an empty bucket (409 otherwise), as the caller. */
export async function deleteBucket(
  s: StorageContext,
  r: StorageRequest,
  id: string,
): Promise<{ message: string }> {
  await asCaller(s, r, false, async (client) => {
    const found = await client.query('select 1 from storage.buckets where id = $1', [id])
    if (!found.rowCount) throw storageErrors.noSuchBucket()
    const objects = await s.owner.query(
      'select 1 from storage.objects where bucket_id = $1 limit 1',
      [id],
    )
    if (objects.rowCount) throw storageErrors.bucketNotEmpty()
    const { rowCount } = await client
      .query('delete from storage.buckets where id = $1', [id])
      .catch((error: { code?: string }) => {
        throw error.code === '23503' ? storageErrors.bucketNotEmpty() : error
      })
    if (!rowCount) throw storageErrors.noSuchBucket()
  })
  return { message: 'Successfully deleted' }
}
