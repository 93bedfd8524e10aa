import type { IncomingMessage, ServerResponse } from 'node:http'
import { isConnectionFailure } from '../db/connection-errors.ts'
import { sendJson } from '../http/io.ts'
import type { HttpService, ServiceContext } from '../http/service.ts'
import { type AuthLimits, createAuthLimits, spend } from './auth-limits.ts'
import { clientAddress, rateLimitKey } from './client-address.ts'
import type { AuthDeps, Handler, Reply } from './context.ts'
import { AuthApiError, fail, sendAuthError, versionHeaders } from './errors.ts'
import {
  createUser,
  deleteUserById,
  getUserById,
  listUsers,
  updateUserById,
} from './handlers/admin-users.ts'
import { generateLink, invite, magiclink, otp, recover } from './handlers/email-flows.ts'
import { logout } from './handlers/logout.ts'
import { health, jwks, mailbox, settings } from './handlers/meta.ts'
import { resend } from './handlers/resend.ts'
import { signup } from './handlers/signup.ts'
import { token } from './handlers/token.ts'
import { getUser, updateUser } from './handlers/user.ts'
import { verifyGet, verifyPost } from './handlers/verify.ts'
import { loadEmailTemplates } from './email-templates.ts'
import type { MailCatcher } from '../mail/index.ts'
import { createMailbox } from './mailbox.ts'
import { bodyError, clientErrorStatus, requireCaller } from './request.ts'

interface Route {
  method: string
  path: string | RegExp
  handler: Handler
  /** Reachable without an API key: liveness, the dev mailbox, and links clicked in e-mails. */
  open?: boolean
  /** The per-address bucket every request to this route spends a token from (GoTrue's limiters). */
  limit?: keyof AuthLimits
}

/** The local mailbox, under the API's prefix. */
export const MAILBOX_PATH = '/auth/v1/_mailbox'

const ADMIN_USER = /^\/admin\/users\/[^/]+$/

const ROUTES: Route[] = [
  { method: 'GET', path: '/health', handler: health, open: true },
  { method: 'GET', path: '/settings', handler: settings, open: true },
  { method: 'GET', path: '/.well-known/jwks.json', handler: jwks, open: true },
  { method: 'GET', path: '/_mailbox', handler: mailbox, open: true },
  { method: 'GET', path: '/verify', handler: verifyGet, open: true, limit: 'verify' },
  { method: 'POST', path: '/verify', handler: verifyPost, limit: 'verify' },
  { method: 'POST', path: '/signup', handler: signup },
  { method: 'POST', path: '/token', handler: token },
  { method: 'GET', path: '/user', handler: getUser },
  { method: 'PUT', path: '/user', handler: updateUser, limit: 'signInSignUps' },
  { method: 'POST', path: '/logout', handler: logout },
  { method: 'POST', path: '/otp', handler: otp, limit: 'signInSignUps' },
  { method: 'POST', path: '/magiclink', handler: magiclink, limit: 'signInSignUps' },
  { method: 'POST', path: '/recover', handler: recover, limit: 'signInSignUps' },
  { method: 'POST', path: '/resend', handler: resend, limit: 'signInSignUps' },
  { method: 'POST', path: '/invite', handler: invite },
  { method: 'GET', path: '/admin/users', handler: listUsers },
  { method: 'POST', path: '/admin/users', handler: createUser },
  { method: 'GET', path: ADMIN_USER, handler: getUserById },
  { method: 'PUT', path: ADMIN_USER, handler: updateUserById },
  { method: 'DELETE', path: ADMIN_USER, handler: deleteUserById },
  { method: 'POST', path: '/admin/generate_link', handler: generateLink },
]

const matches = (route: Route, path: string) =>
  typeof route.path === 'string' ? route.path === path : route.path.test(path)

function findRoute(method: string, path: string): Route {
  const candidates = ROUTES.filter((r) => matches(r, path))
  if (candidates.length === 0) throw fail(404, 'not_found', 'Not found')
  const route = candidates.find((r) => r.method === method)
  if (!route) throw fail(405, 'method_not_allowed', `Method ${method} is not allowed on ${path}`)
  return route
}

/**
 * Errors that mean the input was bad, not the server: Postgres "data exception" errors (class 22,
 * e.g. a NUL character inside JSON metadata) and body-reading errors that carry a 4xx status
 * (e.g. JSON nested too deep). The transaction was rolled back.
 */
function asInputError(error: unknown): AuthApiError | null {
  const status = clientErrorStatus(error)
  if (status !== null) return bodyError(status, (error as Error).message)
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string' || !code.startsWith('22')) return null
  return fail(400, 'validation_failed', `Invalid input: ${(error as Error).message}`)
}

/** The database is down, restarting or cut the connection: say so, and that a retry will do. */
function asUnavailable(error: unknown): AuthApiError | null {
  if (!isConnectionFailure(error)) return null
  return fail(503, 'unexpected_failure', 'The database is unavailable right now; retry shortly.')
}

function send(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  if (reply.kind === 'redirect') {
    res.writeHead(303, { location: reply.location, 'content-length': 0 })
    res.end()
    return
  }
  sendJson(res, reply.status, reply.body, { ...versionHeaders(req), ...reply.headers })
}

/** GoTrue-compatible API at /auth/v1. */
export function createAuthService(ctx: ServiceContext, mail: MailCatcher): HttpService {
  const trustedProxies = new Set(ctx.config.trustedProxies)
  const deps: AuthDeps = {
    ctx,
    mailbox: createMailbox(ctx.log, { host: mail.smtpHost, port: mail.smtpPort }, mail.store),
    // Read and checked at start: a broken template stops the stack instead of a later mail.
    templates: loadEmailTemplates(ctx.config.projectDir, ctx.config.emailTemplates),
    limits: createAuthLimits(ctx.config.rateLimits),
    addressOf: (req) => clientAddress(req, trustedProxies),
  }
  return {
    prefix: '/auth/v1',
    async handle(req, res, path, url) {
      try {
        const route = findRoute(req.method ?? 'GET', path.replace(/\/+$/, '') || '/')
        if (route.limit) spend(deps.limits[route.limit], rateLimitKey(deps.addressOf(req)))
        if (!route.open) await requireCaller(req, ctx.jwt)
        send(req, res, await route.handler(req, url, deps))
      } catch (error) {
        const known =
          error instanceof AuthApiError ? error : (asInputError(error) ?? asUnavailable(error))
        if (!known) throw error
        req.resume()
        sendAuthError(req, res, known)
      }
    },
  }
}
