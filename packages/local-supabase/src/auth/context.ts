import type { IncomingMessage } from 'node:http'
import type { ServiceContext } from '../http/service.ts'
import { apiUrlFor } from '../http/api-url.ts'
import type { AuthLimits } from './auth-limits.ts'
import type { EmailTemplate, TemplateName } from './email-templates.ts'
import type { Mailbox } from './mailbox.ts'
import type { TokenSettings } from './sessions.ts'

/** What every auth handler gets: the stack's context plus the auth service's own state. */
export interface AuthDeps {
  ctx: ServiceContext
  mailbox: Mailbox
  /** The project's mail templates (supabase/config.toml), compiled. */
  templates: Record<TemplateName, EmailTemplate>
  limits: AuthLimits
  /** The client address a request is counted under (see client-address.ts). */
  addressOf(req: IncomingMessage): string
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

/**
 * The API's URL for links in mails and the `iss` of tokens: the configured external URL, else
 * the address the server listens on. Never the request's Host header, which the client chooses.
 */
export function apiUrlOf(req: IncomingMessage, deps: AuthDeps): string {
  return apiUrlFor(deps.ctx.config, req)
}

export function tokenSettings(req: IncomingMessage, deps: AuthDeps): TokenSettings {
  return {
    jwt: deps.ctx.jwt,
    expiresIn: deps.ctx.config.jwtExpiry,
    issuer: `${apiUrlOf(req, deps)}/auth/v1`,
  }
}
