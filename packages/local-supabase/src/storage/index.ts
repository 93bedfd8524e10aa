import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { createPool } from '../db/pool.ts'
import { InvalidJsonError, BodyTooLargeError, readJsonBody } from '../http/io.ts'
import type { HttpService, ServiceContext } from '../http/service.ts'
import { createTokenVerifier } from '../rest/auth.ts'
import { authenticateStorage, createRoleList, SERVICE_AUTH, type StorageAuth } from './auth.ts'
import * as buckets from './buckets.ts'
import { asCaller, type StorageContext, type StorageRequest } from './context.ts'
import { findObject, sendObject } from './download.ts'
import { fromDatabaseError, StorageError, storageErrors } from './errors.ts'
import { createFileStore } from './file-store.ts'
import { bucketAndName } from './names.ts'
import * as objects from './objects.ts'
import { parseTransform, sendRendered, transformFromText } from './render.ts'
import { type DownloadClaims, type UploadClaims, verifySignedToken } from './signed-tokens.ts'
import { upload } from './upload.ts'

type Body = Record<string, unknown>

async function jsonBody(req: IncomingMessage, limit: number): Promise<Body> {
  let value: unknown
  try {
    value = await readJsonBody(req, limit)
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw storageErrors.entityTooLarge('request body')
    if (error instanceof InvalidJsonError) throw storageErrors.badRequest(error.message)
    throw error
  }
  if (value === undefined) return {}
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw storageErrors.badRequest('body must be object')
  }
  return value as Body
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const payload = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(payload)),
    ...headers,
  })
  res.end(payload)
}

function queryValues(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries())
}

/** A public bucket's object, read for the service; a private or missing bucket is `Bucket not found`. */
async function publicObject(s: StorageContext, rest: string) {
  const { bucket, name } = bucketAndName(rest)
  const { rows } = await s.owner.query<{ public: boolean }>('select public from storage.buckets where id = $1', [bucket])
  if (!rows[0]?.public) throw storageErrors.noSuchBucket()
  return findObject(s.owner, bucket, name)
}

async function signedObject(s: StorageContext, url: URL, rest: string) {
  const { bucket, name } = bucketAndName(rest)
  const claims = (await verifySignedToken(
    s.config.jwtSecret,
    url.searchParams.get('token'),
    `${bucket}/${name}`,
    'download',
  )) as DownloadClaims
  return { row: await findObject(s.owner, bucket, name), claims }
}

const PREFIX = '/storage/v1'

/**
 * The path as the client sent it: URL parsing resolves `..` and `.` segments, and a client
 * naming an object `a/../b` must be told the name is invalid, not be served `b`.
 */
function rawPath(req: IncomingMessage): string | null {
  const raw = (req.url ?? '').split('?')[0] ?? ''
  return raw.startsWith(`${PREFIX}/`) ? raw.slice(PREFIX.length) : null
}

/** Supabase Storage's API at /storage/v1, as `@supabase/storage-js` calls it. */
export async function createStorageService(ctx: ServiceContext): Promise<HttpService> {
  const pool = createPool({ name: 'storage', connectionString: ctx.databaseUrl, max: 10, pipeline: true }, ctx.log)
  const s: StorageContext = {
    pool,
    owner: ctx.pool,
    files: await createFileStore(path.join(ctx.config.dataDir, 'storage')),
    jwt: ctx.jwt,
    config: ctx.config,
    fileSizeLimit: ctx.config.storageFileSizeLimit,
    log: ctx.log,
  }
  const verify = createTokenVerifier(ctx.jwt)
  const roles = createRoleList(ctx.pool)

  async function route(req: IncomingMessage, res: ServerResponse, pathname: string, url: URL): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase()
    const read = method === 'GET' || method === 'HEAD'
    const match = (pattern: RegExp) => pattern.exec(pathname)
    let m: RegExpExecArray | null

    // Routes that carry their own authority (a public bucket, a signed token).
    if (read && (m = match(/^\/object\/public\/(.+)$/))) {
      return sendObject(s, req, res, await publicObject(s, m[1] as string), url)
    }
    if (read && (m = match(/^\/object\/info\/public\/(.+)$/))) {
      const row = await publicObject(s, m[1] as string)
      return sendJson(res, 200, await objects.objectInfo(s, { req, res, url, auth: SERVICE_AUTH }, row.bucket_id, row.name))
    }
    if (read && (m = match(/^\/object\/sign\/(.+)$/))) {
      const { row, claims } = await signedObject(s, url, m[1] as string)
      if (claims.transformations) return sendRendered(s, req, res, row, transformFromText(claims.transformations))
      return sendObject(s, req, res, row, url)
    }
    if (read && (m = match(/^\/render\/image\/sign\/(.+)$/))) {
      const { row, claims } = await signedObject(s, url, m[1] as string)
      return sendRendered(s, req, res, row, transformFromText(claims.transformations ?? ''))
    }
    if (read && (m = match(/^\/render\/image\/public\/(.+)$/))) {
      const row = await publicObject(s, m[1] as string)
      return sendRendered(s, req, res, row, parseTransform(queryValues(url)))
    }
    if (method === 'PUT' && (m = match(/^\/object\/upload\/sign\/(.+)$/))) {
      const { bucket, name } = bucketAndName(m[1] as string)
      const claims = (await verifySignedToken(
        s.config.jwtSecret,
        url.searchParams.get('token'),
        `${bucket}/${name}`,
        'upload',
      )) as UploadClaims
      const result = await upload(s, { req, url }, {
        bucket,
        name,
        upsert: claims.upsert,
        auth: SERVICE_AUTH,
        ownerSub: claims.owner ?? null,
      })
      return sendJson(res, 200, result)
    }

    const auth: StorageAuth = await authenticateStorage(req, verify, roles)
    const r: StorageRequest = { req, res, url, auth }
    const body = () => jsonBody(req, ctx.config.maxBodyBytes)

    // Buckets.
    if (pathname === '/bucket' || pathname === '/bucket/') {
      if (read) return sendJson(res, 200, await buckets.listBuckets(s, r))
      if (method === 'POST') return sendJson(res, 200, await buckets.createBucket(s, r, await body()))
    }
    if ((m = match(/^\/bucket\/([^/]+)\/empty$/)) && method === 'POST') {
      return sendJson(res, 200, await buckets.emptyBucket(s, r, decodeURIComponent(m[1] as string)))
    }
    if ((m = match(/^\/bucket\/([^/]+)$/))) {
      const id = decodeURIComponent(m[1] as string)
      if (read) return sendJson(res, 200, await buckets.getBucket(s, r, id))
      if (method === 'PUT') return sendJson(res, 200, await buckets.updateBucket(s, r, id, await body()))
      if (method === 'DELETE') return sendJson(res, 200, await buckets.deleteBucket(s, r, id))
    }

    // Objects: the fixed routes first, then /object/:bucket/:name.
    if (method === 'POST') {
      if ((m = match(/^\/object\/list\/([^/]+)$/))) {
        return sendJson(res, 200, await objects.listObjects(s, r, decodeURIComponent(m[1] as string), await body()))
      }
      if (pathname === '/object/move') return sendJson(res, 200, await objects.moveObject(s, r, await body()))
      if (pathname === '/object/copy') return sendJson(res, 200, await objects.copyObject(s, r, await body()))
      if ((m = match(/^\/object\/upload\/sign\/(.+)$/))) {
        const { bucket, name } = bucketAndName(m[1] as string)
        return sendJson(res, 200, await objects.signUploadUrl(s, r, bucket, name))
      }
      if ((m = match(/^\/object\/sign\/([^/]+)$/))) {
        return sendJson(res, 200, await objects.signObjects(s, r, decodeURIComponent(m[1] as string), await body()))
      }
      if ((m = match(/^\/object\/sign\/(.+)$/))) {
        const { bucket, name } = bucketAndName(m[1] as string)
        return sendJson(res, 200, await objects.signObject(s, r, bucket, name, await body()))
      }
    }
    if (read && (m = match(/^\/object\/info\/(?:authenticated\/)?(.+)$/))) {
      const { bucket, name } = bucketAndName(m[1] as string)
      return sendJson(res, 200, await objects.objectInfo(s, r, bucket, name))
    }
    if (read && (m = match(/^\/render\/image\/authenticated\/(.+)$/))) {
      const { bucket, name } = bucketAndName(m[1] as string)
      const row = await asCaller(s, r, true, (client) => findObject(client, bucket, name))
      return sendRendered(s, req, res, row, parseTransform(queryValues(url)))
    }
    if (method === 'DELETE' && (m = match(/^\/object\/([^/]+)\/?$/))) {
      return sendJson(res, 200, await objects.removeObjects(s, r, decodeURIComponent(m[1] as string), await body()))
    }
    if ((m = match(/^\/object\/(?:authenticated\/)?(.+)$/))) {
      const { bucket, name } = bucketAndName(m[1] as string)
      if (read) {
        const row = await asCaller(s, r, true, (client) => findObject(client, bucket, name))
        return sendObject(s, req, res, row, url)
      }
      if (method === 'POST' || method === 'PUT') {
        const upsert = method === 'PUT' || req.headers['x-upsert'] === 'true'
        const result = await upload(s, r, { bucket, name, upsert, auth, ownerSub: auth.sub })
        return sendJson(res, 200, result)
      }
      if (method === 'DELETE') return sendJson(res, 200, await objects.removeObject(s, r, bucket, name))
    }
    throw storageErrors.notFound(`${method}:/storage/v1${pathname}`)
  }

  return {
    prefix: PREFIX,
    async handle(req, res, normalizedPath, url) {
      try {
        await route(req, res, rawPath(req) ?? normalizedPath, url)
      } catch (caught) {
        const error =
          caught instanceof StorageError ? caught : (fromDatabaseError(caught) ?? storageErrors.internal())
        if (!(caught instanceof StorageError) && error.statusCode >= 500) {
          ctx.log.error('storage request failed', { path: normalizedPath, error: String((caught as Error)?.stack ?? caught) })
        }
        if (res.headersSent) {
          res.destroy()
          return
        }
        const headers: Record<string, string> = {}
        const size = (error as StorageError & { size?: number }).size
        if (typeof size === 'number') headers['content-range'] = `bytes */${size}`
        // A refused upload is answered before its body is read: drop the rest, then close.
        if (!req.complete) {
          headers.connection = 'close'
          req.resume()
        }
        sendJson(res, error.httpStatus, error.toJson(), headers)
      }
    },
    async close() {
      await pool.end()
    },
  }
}
