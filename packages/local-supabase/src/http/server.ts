import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { isConnectionFailure } from '../db/connection-errors.ts'
import type { ApiKeys } from '../keys.ts'
import type { Logger } from '../log.ts'
import { SECRET_KEY_IN_BROWSER, translateApiKeys } from './api-key-gateway.ts'
import { type CorsPolicy, createCorsPolicy } from './cors-origins.ts'
import { applyCors, sendJson } from './io.ts'
import type { HttpService } from './service.ts'

export interface ApiServer {
  port: number
  close(): Promise<void>
}

function matchService(services: HttpService[], pathname: string) {
  for (const service of services) {
    if (pathname === service.prefix || pathname.startsWith(`${service.prefix}/`)) {
      return { service, path: pathname.slice(service.prefix.length) || '/' }
    }
  }
  return null
}

/** One HTTP server for every API, routed by path prefix as Supabase's gateway does. */
export async function startApiServer(
  services: HttpService[],
  host: string,
  port: number,
  log: Logger,
  /** Default: no browser origin gets a CORS grant. */
  cors: CorsPolicy = createCorsPolicy([]),
  /** The stack's API keys, for the gateway's `sb_` key translation (none: keys pass unchanged). */
  keys: ApiKeys | null = null,
): Promise<ApiServer> {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`)
    if (applyCors(req, res, cors)) return
    const match = matchService(services, url.pathname)
    if (!match) {
      sendJson(res, 404, { message: `no API at ${url.pathname}` })
      return
    }
    if (keys && !translateApiKeys(req, url, keys)) {
      sendJson(res, 401, SECRET_KEY_IN_BROWSER)
      return
    }
    try {
      await match.service.handle(req, res, match.path, url)
    } catch (error) {
      if (isConnectionFailure(error)) {
        log.warn('API request lost its database connection', { path: url.pathname, error: String(error) })
        if (!res.headersSent) sendJson(res, 503, { message: 'The database is unavailable right now; retry shortly.' })
        else res.end()
        return
      }
      log.error('unhandled API error', { path: url.pathname, error: String((error as Error)?.stack ?? error) })
      if (!res.headersSent) sendJson(res, 500, { message: 'Internal server error' })
      else res.end()
    }
  })
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`)
    const match = matchService(services, url.pathname)
    if (!match?.service.upgrade) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
      return
    }
    if (keys && !translateApiKeys(req, url, keys)) {
      const body = JSON.stringify(SECRET_KEY_IN_BROWSER)
      socket.end(
        `HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      )
      return
    }
    match.service.upgrade(req, socket, head, match.path, url)
  })
  // Long-lived keep-alive sockets would otherwise hold close() open.
  server.keepAliveTimeout = 5_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} on ${host} is already in use, so the API cannot listen there. ` +
                'Stop the other process or choose another port with --api-port / LOCAL_SUPABASE_API_PORT.',
            )
          : error,
      )
    })
    server.listen(port, host, () => resolve())
  })
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
