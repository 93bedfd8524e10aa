import type { IncomingMessage } from 'node:http'
import type { Server } from 'node:net'
import type { Duplex } from 'node:stream'
import { createPool } from '../db/pool.ts'
import { WebSocketServer } from 'ws'
import { sendJson } from '../http/io.ts'
import type { HttpService, ServiceContext } from '../http/service.ts'
import { checkApiKey } from './api-key.ts'
import { BroadcastApi } from './broadcast-api.ts'
import { ChangeRouter } from './change-router.ts'
import { broadcastFromDatabase, isMessageInsert } from './database-broadcast.ts'
import { DEFAULT_LIMITS, type RealtimeLimits } from './limits.ts'
import { sweepOldMessages } from './message-retention.ts'
import { PresenceRegistry } from './presence.ts'
import { parseProtocolVersion } from './protocol.ts'
import { RealtimeHub } from './realtime-hub.ts'
import { ReplicationFeed } from './replication.ts'
import { SchemaCache } from './schema-cache.ts'
import { SessionCheck, watchSessions } from './session-check.ts'
import { SocketSession } from './socket-session.ts'
import { VisibilityChecker } from './visibility.ts'

/** The persistent slot postgres_changes reads from. */
export const REPLICATION_SLOT = 'local_supabase_realtime'

export interface RealtimeOptions {
  limits?: Partial<RealtimeLimits>
  slotName?: string
}

function refuseUpgrade(socket: Duplex, status: string, message: string): void {
  const body = JSON.stringify({ message })
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}

/** Supabase Realtime-compatible WebSocket server at /realtime/v1/websocket. */
export function createRealtimeService(
  ctx: ServiceContext,
  options: RealtimeOptions = {},
): HttpService {
  const limits: RealtimeLimits = { ...DEFAULT_LIMITS, ...options.limits }
  // Its own small pool, so RLS checks never wait behind API requests (and the reverse).
  const pool = createPool({ name: 'realtime', connectionString: ctx.databaseUrl, max: 6 }, ctx.log)
  const schema = new SchemaCache(pool)
  const router = new ChangeRouter(schema, new VisibilityChecker(pool, ctx.log), ctx.log)
  const feed = new ReplicationFeed({
    databaseUrl: ctx.databaseUrl,
    pool,
    slotName: options.slotName ?? REPLICATION_SLOT,
    log: ctx.log,
    // Inserts into realtime.messages are broadcasts (realtime.send); the rest are postgres_changes.
    deliver: (tx) => {
      const changes = tx.changes.filter((change) => {
        if (!isMessageInsert(change)) return true
        broadcastFromDatabase(hub, change, ctx.log)
        return false
      })
      return changes.length > 0 ? router.deliver({ ...tx, changes }) : Promise.resolve()
    },
    relationChanged: (s, t) => schema.invalidate(s, t),
  })
  const hub = new RealtimeHub(
    pool,
    ctx.jwt,
    ctx.log,
    limits,
    schema,
    router,
    feed,
    new PresenceRegistry(),
    new SessionCheck(pool),
  )
  const broadcastApi = new BroadcastApi(hub)
  const stopSweeping = sweepOldMessages(pool, ctx.log)
  const sessions = new Set<SocketSession>()
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes })
  feed.start()

  const idleSweep = setInterval(
    () => {
      const cutoff = Date.now() - limits.idleTimeoutMs
      for (const session of sessions)
        if (session.lastSeen < cutoff) session.close(1000, 'heartbeat timeout')
    },
    Math.min(15_000, limits.idleTimeoutMs),
  )
  idleSweep.unref()

  // Signed out, banned or deleted users stop receiving within one interval.
  const stopWatchingSessions = watchSessions(
    hub.sessionCheck,
    () => [...sessions].flatMap((session) => [...session.channels.values()]),
    limits.sessionCheckIntervalMs,
    ctx.log,
  )

  // Upgraded sockets keep the API server's close() waiting for them, so once that server stops
  // listening, end the WebSockets ourselves (clients see a normal "going away" and reconnect).
  const servers = new Set<Server>()
  const serverWatch = setInterval(() => {
    for (const server of servers) {
      if (server.listening) continue
      servers.delete(server)
      for (const session of [...sessions]) session.shutdown()
    }
  }, 100)
  serverWatch.unref()

  async function accept(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    url: URL,
  ): Promise<void> {
    const vsn = parseProtocolVersion(url.searchParams.get('vsn'))
    if (!vsn) {
      refuseUpgrade(
        socket,
        '400 Bad Request',
        `unsupported vsn "${url.searchParams.get('vsn')}" (use 1.0.0 or 2.0.0)`,
      )
      return
    }
    const key = await checkApiKey(ctx.jwt, req, url)
    if (!key.ok) {
      refuseUpgrade(socket, '401 Unauthorized', key.message)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const session = new SocketSession(hub, ws, vsn, key.apikey, (gone) => sessions.delete(gone))
      sessions.add(session)
    })
  }

  return {
    prefix: '/realtime/v1',
    async handle(req, res, path, url) {
      if (await broadcastApi.handle(req, res, path, url)) return
      sendJson(res, 404, {
        message: `no realtime endpoint at ${path}; connect a WebSocket to /realtime/v1/websocket`,
      })
    },
    upgrade(req, socket, head, path, url) {
      if (path !== '/websocket') {
        refuseUpgrade(socket, '404 Not Found', `no realtime endpoint at ${path}`)
        return
      }
      socket.on('error', () => undefined)
      const server = (socket as Duplex & { server?: Server }).server
      if (server) servers.add(server)
      accept(req, socket, head, url).catch((error: unknown) => {
        ctx.log.error('websocket upgrade failed', { error: String(error) })
        socket.destroy()
      })
    },
    async close() {
      clearInterval(idleSweep)
      stopSweeping()
      stopWatchingSessions()
      clearInterval(serverWatch)
      for (const session of [...sessions]) session.shutdown()
      await feed.stop()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      for (const session of [...sessions]) session.terminate()
      await pool.end().catch(() => undefined)
    },
  }
}
