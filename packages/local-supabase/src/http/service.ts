import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import type pg from 'pg'
import type { StackConfig } from '../config.ts'
import type { JwtTools } from '../jwt.ts'
import type { ApiKeys } from '../keys.ts'
import type { Logger } from '../log.ts'

/** What every API service gets: one config, one Postgres pool, one JWT verifier. */
export interface ServiceContext {
  config: StackConfig
  /** Owner-level pool (the `postgres` role); services switch role per request. */
  pool: pg.Pool
  /** Connection string for services that need their own connection (e.g. replication). */
  databaseUrl: string
  jwt: JwtTools
  keys: ApiKeys
  log: Logger
}

/** One API mounted under a path prefix (`/auth/v1`, `/rest/v1`, `/realtime/v1`). */
export interface HttpService {
  prefix: string
  /** `path` is the request path with the prefix removed (always starts with `/`). */
  handle(req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void>
  /** WebSocket upgrades under the prefix. */
  upgrade?(req: IncomingMessage, socket: Duplex, head: Buffer, path: string, url: URL): void
  close?(): Promise<void>
}

export type ServiceFactory = (ctx: ServiceContext) => HttpService | Promise<HttpService>
