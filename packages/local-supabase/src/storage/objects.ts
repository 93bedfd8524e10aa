import { randomUUID } from 'node:crypto'
import {
  asCaller,
  bucketForService,
  lockObjectName,
  type StorageContext,
  type StorageRequest,
} from './context.ts'
import { findObject } from './download.ts'
import { storageErrors } from './errors.ts'
import { checkObjectName } from './names.ts'
import { transformationsText } from './render.ts'
import { signDownload, signUpload } from './signed-tokens.ts'
import { commitFile, type UploadTarget, writeObjectRow } from './upload.ts'

type Body = Record<string, unknown>

const SORT_COLUMNS = new Set(['name', 'updated_at', 'created_at', 'last_accessed_at'])
const MAX_PREFIXES = 1000

function requiredString(body: Body, key: string): string {
  const value = body[key]
  if (typeof value !== 'string')
    throw storageErrors.badRequest(`body must have required property '${key}'`)
  return value
}

function integer(body: Body, key: string, min: number, fallback: number): number {
  const value = body[key]
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw storageErrors.badRequest(`body/${key} must be an integer >= ${min}`)
  }
  return value
}

/**
 * POST /object/list/:bucket: one level under `prefix` through storage.search, as the caller.
 * A prefix is a folder, so `a` lists `a/` (Storage adds the slash too).
 */
export async function listObjects(
  s: StorageContext,
  r: StorageRequest,
  bucket: string,
  body: Body,
) {
  let prefix = requiredString(body, 'prefix')
  if (prefix.length > 0 && !prefix.endsWith('/')) prefix = `${prefix}/`
  const limit = integer(body, 'limit', 1, 100)
  const offset = integer(body, 'offset', 0, 0)
  const search = body.search === undefined || body.search === null ? '' : body.search
  if (typeof search !== 'string') throw storageErrors.badRequest('body/search must be string')
  const sortBy = (body.sortBy ?? {}) as Body
  const column = sortBy.column ?? 'name'
  const order = sortBy.order ?? 'asc'
  if (typeof column !== 'string' || !SORT_COLUMNS.has(column)) {
    throw storageErrors.badRequest('body/sortBy/column must be equal to one of the allowed values')
  }
  if (order !== 'asc' && order !== 'desc') {
    throw storageErrors.badRequest('body/sortBy/order must be equal to one of the allowed values')
  }
  return asCaller(s, r, true, async (client) => {
    const { rows } = await client.query(
      'select name, id, updated_at, created_at, last_accessed_at, metadata from storage.search($1, $2, $3, $4, $5, $6, $7)',
      [prefix, bucket, limit, offset, search, column, order],
    )
    return rows
  })
}

/** GET /object/info/...: the object's facts as `info()` reads them. */
export async function objectInfo(
  s: StorageContext,
  r: StorageRequest,
  bucket: string,
  name: string,
) {
  const row = await asCaller(s, r, true, (client) => findObject(client, bucket, name))
  const meta = row.metadata ?? {}
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    bucket_id: row.bucket_id,
    size: meta.size ?? null,
    content_type: meta.mimetype ?? null,
    cache_control: meta.cacheControl ?? null,
    etag: meta.eTag ?? null,
    metadata: row.user_metadata,
    last_modified: row.updated_at,
    created_at: row.created_at,
  }
}

const RETURNED_COLUMNS = `bucket_id, created_at, id, last_accessed_at, metadata, name, owner, owner_id,
  updated_at, user_metadata, version`

/** DELETE /object/:bucket `{prefixes}`: removes what the caller may delete; answers the removed rows. */
export async function removeObjects(
  s: StorageContext,
  r: StorageRequest,
  bucket: string,
  body: Body,
) {
  const prefixes = body.prefixes
  if (!Array.isArray(prefixes) || prefixes.length < 1 || prefixes.length > MAX_PREFIXES) {
    throw storageErrors.badRequest(`body/prefixes must be an array of 1 to ${MAX_PREFIXES} names`)
  }
  const names = prefixes.map((p) => {
    if (typeof p === 'string') return p
    if (typeof p === 'object' && p !== null && typeof (p as Body).path === 'string')
      return (p as Body).path as string
    throw storageErrors.badRequest('body/prefixes must hold object names')
  })
  const rows = await asCaller(s, r, false, async (client) => {
    const result = await client.query<{ version: string | null }>(
      `delete from storage.objects where bucket_id = $1 and name = any($2::text[]) returning ${RETURNED_COLUMNS}`,
      [bucket, names],
    )
    return result.rows
  })
  for (const { version } of rows) if (version) await s.files.remove(version).catch(() => undefined)
  return rows
}

/** DELETE /object/:bucket/:name. */
export async function removeObject(
  s: StorageContext,
  r: StorageRequest,
  bucket: string,
  name: string,
) {
  const rows = await asCaller(s, r, false, async (client) => {
    const result = await client.query<{ version: string | null }>(
      'delete from storage.objects where bucket_id = $1 and name = $2 returning version',
      [bucket, name],
    )
    return result.rows
  })
  if (rows.length === 0) throw storageErrors.noSuchKey()
  for (const { version } of rows) if (version) await s.files.remove(version).catch(() => undefined)
  return { message: 'Successfully deleted' }
}

function moveArguments(body: Body) {
  const bucket = requiredString(body, 'bucketId')
  const source = checkObjectName(requiredString(body, 'sourceKey'))
  const destination = checkObjectName(requiredString(body, 'destinationKey'))
  const destBucket = typeof body.destinationBucket === 'string' ? body.destinationBucket : bucket
  return { bucket, source, destination, destBucket }
}

/**
 * POST /object/move: renames the row as the caller (RLS checks the new name with the update
 * policy); the file keeps its version, so nothing on disk moves.
 */
export async function moveObject(s: StorageContext, r: StorageRequest, body: Body) {
  const { bucket, source, destination, destBucket } = moveArguments(body)
  await bucketForService(s, destBucket)
  await asCaller(s, r, false, async (client) => {
    const keys = [`${bucket}/${source}`, `${destBucket}/${destination}`].sort()
    for (const key of keys) {
      const slash = key.indexOf('/')
      await lockObjectName(client, key.slice(0, slash), key.slice(slash + 1))
    }
    await findObject(client, bucket, source)
    const { rowCount } = await client.query(
      `update storage.objects set bucket_id = $3, name = $4, last_accessed_at = now()
       where bucket_id = $1 and name = $2`,
      [bucket, source, destBucket, destination],
    )
    if (!rowCount) throw storageErrors.noSuchKey()
  })
  return { message: 'Successfully moved' }
}

/** POST /object/copy: a new row (and a new file version) written as the caller. */
export async function copyObject(s: StorageContext, r: StorageRequest, body: Body) {
  const { bucket, source, destination, destBucket } = moveArguments(body)
  await bucketForService(s, destBucket)
  const row = await asCaller(s, r, true, (client) => findObject(client, bucket, source))
  const userMetadata =
    body.copyMetadata === false
      ? ((body.metadata as Record<string, unknown> | undefined) ?? null)
      : row.user_metadata
  const upsert = r.req.headers['x-upsert'] === 'true'
  const target: UploadTarget = {
    bucket: destBucket,
    name: destination,
    upsert,
    auth: r.auth,
    ownerSub: r.auth.sub,
  }
  const tempPath = await s.files.copyToTemp(row.version as string)
  const version = randomUUID()
  const metadata = { ...row.metadata, lastModified: new Date().toISOString() }
  const { id } = await commitFile(s, r, target, tempPath, version, (client, newId) =>
    writeObjectRow(client, target, {
      id: newId,
      version,
      metadata: metadata as Parameters<typeof writeObjectRow>[2]['metadata'],
      userMetadata,
    }),
  )
  return { Id: id, Key: `${destBucket}/${destination}` }
}

function expiresIn(body: Body): number {
  const value = body.expiresIn
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw storageErrors.badRequest('body/expiresIn must be an integer >= 1')
  }
  return value
}

/** POST /object/sign/:bucket/:name: a URL for an object the caller can read, valid `expiresIn` s. */
export async function signObject(
  s: StorageContext,
  r: StorageRequest,
  bucket: string,
  name: string,
  body: Body,
) {
  const seconds = expiresIn(body)
  await asCaller(s, r, true, (client) => findObject(client, bucket, name))
  const transform = body.transform
  const transformations =
    typeof transform === 'object' && transform !== null && Object.keys(transform).length > 0
      ? transformationsText(transform as Record<string, unknown>)
      : undefined
  const path = `${bucket}/${name}`
  const token = await signDownload(
    s.jwt,
    { url: path, ...(transformations ? { transformations } : {}) },
    seconds,
  )
  const route = transformations ? '/render/image/sign' : '/object/sign'
  return { signedURL: `${route}/${path}?token=${token}` }
}

/** POST /object/sign/:bucket `{paths}`: one entry per path, with an error for those not readable. */
export async function signObjects(
  s: StorageContext,
  r: StorageRequest,
  bucket: string,
  body: Body,
) {
  const seconds = expiresIn(body)
  const paths = body.paths
  if (
    !Array.isArray(paths) ||
    paths.length < 1 ||
    paths.length > MAX_PREFIXES ||
    !paths.every((p) => typeof p === 'string')
  ) {
    throw storageErrors.badRequest(`body/paths must be an array of 1 to ${MAX_PREFIXES} names`)
  }
  const readable = await asCaller(s, r, true, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      'select name from storage.objects where bucket_id = $1 and name = any($2::text[])',
      [bucket, paths],
    )
    return new Set(rows.map((row) => row.name))
  })
  return Promise.all(
    (paths as string[]).map(async (name) => {
      if (!readable.has(name)) {
        return {
          error: 'Either the object does not exist or you do not have access to it',
          path: name,
          signedURL: null,
        }
      }
      const token = await signDownload(s.jwt, { url: `${bucket}/${name}` }, seconds)
      return { error: null, path: name, signedURL: `/object/sign/${bucket}/${name}?token=${token}` }
    }),
  )
}

/**
 * POST /object/upload/sign/:bucket/:name: a token to upload once without a session, for two
 * hours. The caller's upload permission is checked now; the upload then acts for the service
 * with the caller as owner.
 */
export async function signUploadUrl(
  s: StorageContext,
  r: StorageRequest,
  bucket: string,
  name: string,
) {
  await bucketForService(s, bucket)
  const upsert = r.req.headers['x-upsert'] === 'true'
  const target: UploadTarget = { bucket, name, upsert, auth: r.auth, ownerSub: r.auth.sub }
  await asCaller(
    s,
    r,
    false,
    (client) =>
      writeObjectRow(client, target, {
        id: randomUUID(),
        version: randomUUID(),
        metadata: null,
        userMetadata: null,
      }),
    true,
  )
  const path = `${bucket}/${name}`
  const token = await signUpload(s.jwt, {
    url: path,
    upsert,
    ...(r.auth.sub ? { owner: r.auth.sub } : {}),
  })
  return { url: `/object/upload/sign/${path}?token=${token}`, token }
}
