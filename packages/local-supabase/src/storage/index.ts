import type { IncomingMessage } from 'node:http'
import path from 'node:path'
import { createPool } from '../db/pool.ts'
import type { HttpService, ServiceContext } from '../http/service.ts'
import { createTokenVerifier } from '../rest/auth.ts'
import { authenticateStorage, createRoleList } from './auth.ts'
import type { StorageContext } from './context.ts'
import { fromDatabaseError, StorageError, storageErrors } from './errors.ts'
import { createFileStore } from './file-store.ts'
import { callerRoutes, findRoute, openRoutes, sendJson } from './routes.ts'

const PREFIX = '/storage/v1'

/**
 * The path as the client sent it: URL parsing resolves `..` and `.` segments, and a client
 * naming an object `a/../b` must be told the name is invalid, not be served `b`.
 */
function rawPath(req: IncomingMessage): string | null {
  const raw = (req.url ?? '').split('?')[0] ?? ''
  return raw.startsWith(`${PREFIX}/`) ? raw.slice(PREFIX.length) : null
}

/** A request stream that ended because its client hung up (Node: "aborted", ECONNRESET). */
function clientWentAway(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  return code === 'ECONNRESET' || message === 'aborted'
}

/** Supabase Storage's API at /storage/v1, as `@supabase/storage-js` calls it. */
export async function createStorageService(ctx: ServiceContext): Promise<HttpService> {
  const pool = createPool(
    { name: 'storage', connectionString: ctx.databaseUrl, max: 10, pipeline: true },
    ctx.log,
  )
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
  const open = openRoutes(s)
  const callers = callerRoutes(s)

  return {
    prefix: PREFIX,
    async handle(req, res, normalizedPath, url) {
      const pathname = rawPath(req) ?? normalizedPath
      const method = (req.method ?? 'GET').toUpperCase()
      try {
        const openRoute = findRoute(open, method, pathname)
        if (openRoute) {
          await openRoute.route.run({ req, res, url }, openRoute.capture)
          return
        }
        const found = findRoute(callers, method, pathname)
        if (!found) throw storageErrors.notFound(`${method}:${PREFIX}${pathname}`)
        const auth = await authenticateStorage(req, verify, roles)
        await found.route.run({ req, res, url, auth }, found.capture)
      } catch (caught) {
        // The client went away mid-upload or mid-download: there is no one to answer.
        if (clientWentAway(caught)) {
          res.destroy()
          return
        }
        const error =
          caught instanceof StorageError
            ? caught
            : (fromDatabaseError(caught) ?? storageErrors.internal())
        if (!(caught instanceof StorageError) && error.statusCode >= 500) {
          ctx.log.error('storage request failed', {
            path: pathname,
            error: String((caught as Error)?.stack ?? caught),
          })
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
