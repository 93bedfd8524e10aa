import type { IncomingMessage } from 'node:http'
import type { ServiceContext } from '../http/service.ts'
import type { Mailbox } from './mailbox.ts'
import type { AttemptLimiter } from './rate-limit.ts'
import { publicOrigin } from './request.ts'
import type { TokenSettings } from './sessions.ts'

/** What every auth handler gets: the stack's context plus the auth service's own state. */
export interface AuthDeps {
  ctx: ServiceContext
  mailbox: Mailbox
  passwordAttempts: AttemptLimiter
}

/** A handler's answer; the service turns it into the HTTP response. */
export type Reply =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'redirect'; location: string }

export const json = (body: unknown, status = 200, headers?: Record<string, string>): Reply => ({
  kind: 'json',
  status,
  body,
  headers,
})

export type Handler = (req: IncomingMessage, url: URL, deps: AuthDeps) => Promise<Reply>

export function originOf(req: IncomingMessage, deps: AuthDeps): string {
  const { host, apiPort } = deps.ctx.config
  return publicOrigin(req, `http://${host}:${apiPort}`)
}

export function tokenSettings(req: IncomingMessage, deps: AuthDeps): TokenSettings {
  return {
    jwt: deps.ctx.jwt,
    expiresIn: deps.ctx.config.jwtExpiry,
    issuer: `${originOf(req, deps)}/auth/v1`,
  }
}
