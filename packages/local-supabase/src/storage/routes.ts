import type { ServerResponse } from 'node:http'
import { SERVICE_AUTH } from './auth.ts'
import * as buckets from './buckets.ts'
import { asCaller, type StorageContext, type StorageRequest } from './context.ts'
import { findObject, sendObject } from './download.ts'
import { storageErrors } from './errors.ts'
import { bucketAndName } from './names.ts'
import * as objects from './objects.ts'
import { parseTransform, sendRendered, transformFromText } from './render.ts'
import { type DownloadClaims, type UploadClaims, verifySignedToken } from './signed-tokens.ts'
import { upload } from './upload.ts'
import { readStorageJson } from './json-body.ts'

export type OpenRequest = Omit<StorageRequest, 'auth'>

export interface Route<R> {
  methods: string[]
  pattern: RegExp
  /** `capture` is the pattern's first group (a bucket id or `bucket/name`), still percent-encoded. */
  run(request: R, capture: string): Promise<void>
}

const READ = ['GET', 'HEAD']

export function findRoute<R>(routes: Route<R>[], method: string, pathname: string) {
  for (const route of routes) {
    if (!route.methods.includes(method)) continue
    const match = route.pattern.exec(pathname)
    if (match) return { route, capture: match[1] ?? '' }
  }
  return null
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const payload = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(payload)),
    ...headers,
  })
  res.end(payload)
}

const queryValues = (url: URL) => Object.fromEntries(url.searchParams.entries())
const bucketId = (raw: string) => decodeURIComponent(raw)

/** A public bucket's object, read for the service; a private or missing bucket is `Bucket not found`. */
async function publicObject(s: StorageContext, rest: string) {
  const { bucket, name } = bucketAndName(rest)
  const { rows } = await s.owner.query<{ public: boolean }>(
    'select public from storage.buckets where id = $1',
    [bucket],
  )
  if (!rows[0]?.public) throw storageErrors.noSuchBucket()
  return findObject(s.owner, bucket, name)
}

/** The object a signed download URL names, once its token checks out. */
async function signedObject(s: StorageContext, url: URL, rest: string) {
  const { bucket, name } = bucketAndName(rest)
  const token = url.searchParams.get('token')
  const claims = (await verifySignedToken(
    s.config.jwtSecret,
    token,
    `${bucket}/${name}`,
    'download',
  )) as DownloadClaims
  return { row: await findObject(s.owner, bucket, name), claims }
}

/** Routes that carry their own authority (a public bucket, a signed token): no JWT needed. */
export function openRoutes(s: StorageContext): Route<OpenRequest>[] {
  return [
    {
      methods: READ,
      pattern: /^\/object\/public\/(.+)$/,
      run: async ({ req, res, url }, rest) =>
        sendObject(s, req, res, await publicObject(s, rest), url),
    },
    {
      methods: READ,
      pattern: /^\/object\/info\/public\/(.+)$/,
      run: async ({ req, res, url }, rest) => {
        const row = await publicObject(s, rest)
        const r = { req, res, url, auth: SERVICE_AUTH }
        sendJson(res, 200, await objects.objectInfo(s, r, row.bucket_id, row.name))
      },
    },
    {
      methods: READ,
      pattern: /^\/object\/sign\/(.+)$/,
      run: async ({ req, res, url }, rest) => {
        const { row, claims } = await signedObject(s, url, rest)
        if (claims.transformations) {
          return sendRendered(s, req, res, row, transformFromText(claims.transformations))
        }
        const expires = claims.exp ? new Date(claims.exp * 1000) : undefined
        return sendObject(s, req, res, row, url, expires)
      },
    },
    {
      methods: READ,
      pattern: /^\/render\/image\/sign\/(.+)$/,
      run: async ({ req, res, url }, rest) => {
        const { row, claims } = await signedObject(s, url, rest)
        return sendRendered(s, req, res, row, transformFromText(claims.transformations ?? ''))
      },
    },
    {
      methods: READ,
      pattern: /^\/render\/image\/public\/(.+)$/,
      run: async ({ req, res, url }, rest) =>
        sendRendered(s, req, res, await publicObject(s, rest), parseTransform(queryValues(url))),
    },
    {
      methods: ['PUT'],
      pattern: /^\/object\/upload\/sign\/(.+)$/,
      run: async ({ req, res, url }, rest) => {
        const { bucket, name } = bucketAndName(rest)
        const token = url.searchParams.get('token')
        const claims = (await verifySignedToken(
          s.config.jwtSecret,
          token,
          `${bucket}/${name}`,
          'upload',
        )) as UploadClaims
        // The upload acts for the service; the token names the owner and whether it may replace.
        const target = {
          bucket,
          name,
          upsert: claims.upsert,
          auth: SERVICE_AUTH,
          ownerSub: claims.owner ?? null,
        }
        sendJson(res, 200, await upload(s, { req, url }, target))
      },
    },
  ]
}

/** Routes that act as the caller's JWT says; fixed paths come before /object/:bucket/:name. */
export function callerRoutes(s: StorageContext): Route<StorageRequest>[] {
  const body = (r: StorageRequest) => readStorageJson(r.req, s.config.maxBodyBytes)
  return [
    {
      methods: READ,
      pattern: /^\/bucket\/?$/,
      run: async (r) => sendJson(r.res, 200, await buckets.listBuckets(s, r)),
    },
    {
      methods: ['POST'],
      pattern: /^\/bucket\/?$/,
      run: async (r) => sendJson(r.res, 200, await buckets.createBucket(s, r, await body(r))),
    },
    {
      methods: ['POST'],
      pattern: /^\/bucket\/([^/]+)\/empty$/,
      run: async (r, id) => sendJson(r.res, 200, await buckets.emptyBucket(s, r, bucketId(id))),
    },
    {
      methods: READ,
      pattern: /^\/bucket\/([^/]+)$/,
      run: async (r, id) => sendJson(r.res, 200, await buckets.getBucket(s, r, bucketId(id))),
    },
    {
      methods: ['PUT'],
      pattern: /^\/bucket\/([^/]+)$/,
      run: async (r, id) =>
        sendJson(r.res, 200, await buckets.updateBucket(s, r, bucketId(id), await body(r))),
    },
    {
      methods: ['DELETE'],
      pattern: /^\/bucket\/([^/]+)$/,
      run: async (r, id) => sendJson(r.res, 200, await buckets.deleteBucket(s, r, bucketId(id))),
    },
    {
      methods: ['POST'],
      pattern: /^\/object\/list\/([^/]+)$/,
      run: async (r, id) =>
        sendJson(r.res, 200, await objects.listObjects(s, r, bucketId(id), await body(r))),
    },
    {
      methods: ['POST'],
      pattern: /^\/object\/move$/,
      run: async (r) => sendJson(r.res, 200, await objects.moveObject(s, r, await body(r))),
    },
    {
      methods: ['POST'],
      pattern: /^\/object\/copy$/,
      run: async (r) => sendJson(r.res, 200, await objects.copyObject(s, r, await body(r))),
    },
    {
      methods: ['POST'],
      pattern: /^\/object\/upload\/sign\/(.+)$/,
      run: async (r, rest) => {
        const { bucket, name } = bucketAndName(rest)
        sendJson(r.res, 200, await objects.signUploadUrl(s, r, bucket, name))
      },
    },
    {
      methods: ['POST'],
      pattern: /^\/object\/sign\/([^/]+)$/,
      run: async (r, id) =>
        sendJson(r.res, 200, await objects.signObjects(s, r, bucketId(id), await body(r))),
    },
    {
      methods: ['POST'],
      pattern: /^\/object\/sign\/(.+)$/,
      run: async (r, rest) => {
        const { bucket, name } = bucketAndName(rest)
        sendJson(r.res, 200, await objects.signObject(s, r, bucket, name, await body(r)))
      },
    },
    {
      methods: READ,
      pattern: /^\/object\/info\/(?:authenticated\/)?(.+)$/,
      run: async (r, rest) => {
        const { bucket, name } = bucketAndName(rest)
        sendJson(r.res, 200, await objects.objectInfo(s, r, bucket, name))
      },
    },
    {
      methods: READ,
      pattern: /^\/render\/image\/authenticated\/(.+)$/,
      run: async (r, rest) => {
        const { bucket, name } = bucketAndName(rest)
        const row = await asCaller(s, r, true, (client) => findObject(client, bucket, name))
        return sendRendered(s, r.req, r.res, row, parseTransform(queryValues(r.url)))
      },
    },
    {
      methods: ['DELETE'],
      pattern: /^\/object\/([^/]+)\/?$/,
      run: async (r, id) =>
        sendJson(r.res, 200, await objects.removeObjects(s, r, bucketId(id), await body(r))),
    },
    {
      methods: READ,
      pattern: /^\/object\/(?:authenticated\/)?(.+)$/,
      run: async (r, rest) => {
        const { bucket, name } = bucketAndName(rest)
        const row = await asCaller(s, r, true, (client) => findObject(client, bucket, name))
        return sendObject(s, r.req, r.res, row, r.url)
      },
    },
    {
      methods: ['POST', 'PUT'],
      pattern: /^\/object\/(.+)$/,
      run: async (r, rest) => {
        const { bucket, name } = bucketAndName(rest)
        // PUT is update(): it replaces, as Storage's PUT does.
        const upsert = r.req.method === 'PUT' || r.req.headers['x-upsert'] === 'true'
        const target = { bucket, name, upsert, auth: r.auth, ownerSub: r.auth.sub }
        sendJson(r.res, 200, await upload(s, r, target))
      },
    },
    {
      methods: ['DELETE'],
      pattern: /^\/object\/(.+)$/,
      run: async (r, rest) => {
        const { bucket, name } = bucketAndName(rest)
        sendJson(r.res, 200, await objects.removeObject(s, r, bucket, name))
      },
    },
  ]
}
