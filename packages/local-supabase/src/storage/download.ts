import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import type pg from 'pg'
import type { StorageContext } from './context.ts'
import { storageErrors } from './errors.ts'
import type { ObjectMetadata } from './upload.ts'

export interface ObjectRow {
  id: string
  bucket_id: string
  name: string
  owner: string | null
  owner_id: string | null
  version: string | null
  metadata: Partial<ObjectMetadata> | null
  user_metadata: Record<string, unknown> | null
  created_at: Date
  updated_at: Date
  last_accessed_at: Date
}

const ROW_SQL = `select id, bucket_id, name, owner, owner_id, version, metadata, user_metadata,
  created_at, updated_at, last_accessed_at
  from storage.objects where bucket_id = $1 and name = $2`

/** The object's row as `client` may see it (RLS for a caller), or `Object not found`. */
export async function findObject(
  client: pg.PoolClient | pg.Pool,
  bucket: string,
  name: string,
): Promise<ObjectRow> {
  const { rows } = await client.query<ObjectRow>(ROW_SQL, [bucket, name])
  const row = rows[0]
  if (!row?.version) throw storageErrors.noSuchKey()
  return row
}

/** `Range: bytes=a-b | a- | -n` (one range); null when absent or not understood (send it all). */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null
  if (!match || (match[1] === '' && match[2] === '')) return null
  if (match[1] === '') {
    const suffix = Number(match[2])
    if (suffix === 0) throw storageErrors.invalidRange(size)
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(match[1])
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
  if (start >= size || end < start) throw storageErrors.invalidRange(size)
  return { start, end }
}

/** Storage serves HTML as plain text, so an uploaded page can never run as the API's origin. */
function servedContentType(mimeType: string | undefined): string {
  if (!mimeType) return 'application/octet-stream'
  return mimeType.includes('text/html') ? 'text/plain' : mimeType
}

/**
 * The headers Storage's renderer sends with an object: type, validators, length, and either
 * `Cache-Control` (the object's) or, for a signed URL, `Expires` at the token's expiry.
 */
export function objectHeaders(row: ObjectRow, url: URL, expires?: Date): Record<string, string> {
  const meta = row.metadata ?? {}
  const headers: Record<string, string> = {
    'content-type': servedContentType(meta.mimetype),
    'accept-ranges': 'bytes',
  }
  if (expires) headers.expires = expires.toUTCString()
  else headers['cache-control'] = meta.cacheControl ?? 'no-cache'
  if (meta.eTag) headers.etag = meta.eTag
  if (meta.lastModified) headers['last-modified'] = new Date(meta.lastModified).toUTCString()
  const download = url.searchParams.get('download')
  if (download === '') headers['content-disposition'] = 'attachment;'
  else if (download !== null) {
    const filename = encodeURIComponent(download)
    headers['content-disposition'] =
      `attachment; filename=${filename}; filename*=UTF-8''${filename};`
  }
  return headers
}

function notModified(req: IncomingMessage, row: ObjectRow): boolean {
  const eTag = row.metadata?.eTag
  const ifNoneMatch = req.headers['if-none-match']
  if (ifNoneMatch && eTag) {
    return ifNoneMatch.split(',').some((tag) => tag.trim() === eTag || tag.trim() === '*')
  }
  const since = Date.parse(req.headers['if-modified-since'] ?? '')
  const modified = Date.parse(row.metadata?.lastModified ?? '')
  return (
    Number.isFinite(since) &&
    Number.isFinite(modified) &&
    Math.floor(modified / 1000) <= since / 1000
  )
}

/**
 * Streams the file the row names (never another): 200, 206 for a satisfiable `Range`, 304 when
 * the client's validators match, headers only for HEAD.
 */
export async function sendObject(
  s: StorageContext,
  req: IncomingMessage,
  res: ServerResponse,
  row: ObjectRow,
  url: URL,
  expires?: Date,
): Promise<void> {
  const version = row.version as string
  let size: number
  try {
    size = (await stat(s.files.pathOf(version))).size
  } catch {
    throw storageErrors.noSuchKey()
  }
  const headers = objectHeaders(row, url, expires)
  if (notModified(req, row)) {
    res.writeHead(304, headers)
    res.end()
    return
  }
  const range = parseRange(req.headers.range, size)
  if (range) {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${size}`
    headers['content-length'] = String(range.end - range.start + 1)
  } else headers['content-length'] = String(size)
  res.writeHead(range ? 206 : 200, headers)
  if (req.method === 'HEAD' || size === 0) {
    res.end()
    return
  }
  await pipeline(s.files.read(version, range ?? undefined), res).catch(() => {
    // The client went away mid-download: nothing to answer any more.
    res.destroy()
  })
}
