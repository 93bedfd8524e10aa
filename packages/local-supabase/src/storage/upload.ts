import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Readable } from 'node:stream'
import type pg from 'pg'
import type { StorageAuth } from './auth.ts'
import {
  asCaller,
  bucketForService,
  currentVersion,
  lockObjectName,
  ownerColumns,
  type StorageContext,
  type StorageRequest,
} from './context.ts'
import { storageErrors } from './errors.ts'
import { checkMimeType } from './limits.ts'
import { multipartBoundary, readMultipartFile } from './multipart.ts'

/** Where an upload goes and who it is for (a signed upload URL names the owner in its token). */
export interface UploadTarget {
  bucket: string
  name: string
  upsert: boolean
  auth: StorageAuth
  ownerSub: string | null
}

/** The object's `metadata` column, shaped as Supabase Storage writes it. */
export interface ObjectMetadata {
  eTag: string
  size: number
  mimetype: string
  cacheControl: string
  lastModified: string
  contentLength: number
  httpStatusCode: number
}

interface IncomingFile {
  stream: Readable
  mimeType: string
  cacheControl: string
  userMetadata: Record<string, unknown> | null
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function jsonObject(text: string | undefined): Record<string, unknown> | null {
  if (!text) return null
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

/** A multipart form (supabase-js sends Blobs and Files so) or the raw body with its headers. */
async function incomingFile(req: IncomingMessage, limit: number): Promise<IncomingFile> {
  const contentType = header(req, 'content-type') ?? ''
  if (contentType.toLowerCase().startsWith('multipart/form-data')) {
    const boundary = multipartBoundary(contentType)
    if (!boundary) throw storageErrors.noContent()
    const part = await readMultipartFile(req, boundary)
    const cacheTime = part.fields.get('cacheControl')
    return {
      stream: part.stream,
      mimeType: part.fields.get('contentType') || part.mimeType,
      cacheControl: cacheTime ? `max-age=${cacheTime}` : 'no-cache',
      userMetadata: jsonObject(part.fields.get('metadata') ?? part.fields.get('userMetadata')),
    }
  }
  const declared = Number(header(req, 'content-length'))
  if (Number.isFinite(declared) && declared > limit) throw storageErrors.entityTooLarge()
  const metadataHeader = header(req, 'x-metadata')
  return {
    stream: req,
    mimeType: contentType || 'application/octet-stream',
    cacheControl: header(req, 'cache-control') ?? 'no-cache',
    userMetadata: metadataHeader
      ? jsonObject(Buffer.from(metadataHeader, 'base64').toString('utf8'))
      : null,
  }
}

const INSERT_SQL = `insert into storage.objects
  (id, bucket_id, name, owner, owner_id, version, metadata, user_metadata)
  values ($1, $2, $3, $4, $5, $6, $7, $8)`
const UPSERT_SQL = `${INSERT_SQL}
  on conflict (bucket_id, name) do update set
    owner = excluded.owner, owner_id = excluded.owner_id, version = excluded.version,
    metadata = excluded.metadata, user_metadata = excluded.user_metadata, last_accessed_at = now()`

/** Writes the row as the caller: an insert, or with `upsert` an insert-or-update (RLS decides). */
export async function writeObjectRow(
  client: pg.PoolClient,
  target: UploadTarget,
  row: { id: string; version: string; metadata: ObjectMetadata | null; userMetadata: unknown },
): Promise<void> {
  const { owner, ownerId } = ownerColumns(target.ownerSub)
  await client.query(target.upsert ? UPSERT_SQL : INSERT_SQL, [
    row.id,
    target.bucket,
    target.name,
    owner,
    ownerId,
    row.version,
    row.metadata === null ? null : JSON.stringify(row.metadata),
    row.userMetadata === null ? null : JSON.stringify(row.userMetadata),
  ])
}

/**
 * An upload, as Supabase Storage runs it: the bucket's limits; a trial write of the row as the
 * caller, rolled back, so a refused upload is refused before its body is read; the body streamed
 * to a temp file (never held in memory; past the size limit it stops with 413 and the temp file
 * goes); then one transaction as the caller writes the row and moves the file into place before
 * it commits. A crash can leave a file without a row (never served), never a row without a file.
 */
export async function upload(
  s: StorageContext,
  r: Pick<StorageRequest, 'req' | 'url'>,
  target: UploadTarget,
): Promise<{ Id: string; Key: string }> {
  const bucket = await bucketForService(s, target.bucket)
  const who = { ...r, auth: target.auth }
  await asCaller(
    s,
    who,
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
  const bucketLimit =
    bucket.file_size_limit === null ? Number.POSITIVE_INFINITY : Number(bucket.file_size_limit)
  const limit = Math.min(s.fileSizeLimit, bucketLimit)
  const file = await incomingFile(r.req, limit)
  checkMimeType(file.mimeType, bucket.allowed_mime_types)
  const written = await s.files.writeTemp(file.stream, limit)
  const version = randomUUID()
  const metadata: ObjectMetadata = {
    eTag: written.eTag,
    size: written.size,
    mimetype: file.mimeType,
    cacheControl: file.cacheControl,
    lastModified: new Date().toISOString(),
    contentLength: written.size,
    httpStatusCode: 200,
  }
  const result = await commitFile(s, who, target, written.tempPath, version, (client, id) =>
    writeObjectRow(client, target, { id, version, metadata, userMetadata: file.userMetadata }),
  )
  return { Id: result.id, Key: `${target.bucket}/${target.name}` }
}

/**
 * The one transaction that makes a file visible: lock the name, write the row, move the temp
 * file to its version's place, commit. On failure the file goes; after commit, the version the
 * row named before (if any) goes.
 */
export async function commitFile(
  s: StorageContext,
  r: Pick<StorageRequest, 'req' | 'url' | 'auth'>,
  target: { bucket: string; name: string },
  tempPath: string,
  version: string,
  writeRow: (client: pg.PoolClient, id: string) => Promise<void>,
): Promise<{ id: string }> {
  let placed = false
  let previous: { id: string; version: string | null } | null = null
  let id = ''
  try {
    await asCaller(s, r, false, async (client) => {
      await lockObjectName(client, target.bucket, target.name)
      previous = await currentVersion(s, target.bucket, target.name)
      id = previous?.id ?? randomUUID()
      await writeRow(client, id)
      await s.files.place(tempPath, version)
      placed = true
    })
  } catch (error) {
    if (placed) await s.files.remove(version).catch(() => undefined)
    else await s.files.discard(tempPath).catch(() => undefined)
    throw error
  }
  const replaced = (previous as { version: string | null } | null)?.version
  if (replaced && replaced !== version) await s.files.remove(replaced).catch(() => undefined)
  return { id }
}
