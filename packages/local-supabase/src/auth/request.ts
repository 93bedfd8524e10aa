import type { IncomingMessage } from 'node:http'
import { BodyTooLargeError, InvalidJsonError, readJsonBody } from '../http/io.ts'
import type { JwtClaims, JwtTools } from '../jwt.ts'
import { fail } from './errors.ts'

export type JsonObject = Record<string, unknown>

/** Deeper JSON than this is refused: no real metadata nests so far, and encoders recurse per level. */
export const MAX_JSON_DEPTH = 64

/** Whether `value` nests deeper than `max` levels, found without recursion (it must not overflow). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }]
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; depth: number }
    if (typeof item.value !== 'object' || item.value === null) continue
    const depth = item.depth + 1
    if (depth > max) return true
    for (const child of Object.values(item.value)) stack.push({ value: child, depth })
  }
  return false
}

/** An HTTP status (4xx) carried by an error thrown while reading a body, e.g. a too-deep-JSON error. */
export function clientErrorStatus(error: unknown): number | null {
  const candidate = error as { status?: unknown; statusCode?: unknown } | null
  const status = candidate?.status ?? candidate?.statusCode
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null
}

/** GoTrue's answer to a body it cannot take: 413 `request_too_large`, else 400 `bad_json`. */
export function bodyError(status: number, message: string) {
  return status === 413
    ? fail(413, 'request_too_large', message)
    : fail(400, 'bad_json', `Could not parse request body as JSON: ${message}`)
}

/** Reads a JSON object body; anything else (wrong type, bad JSON, too large or deep) is a clear error. */
export async function readJsonObject(req: IncomingMessage, limit: number): Promise<JsonObject> {
  const type = (req.headers['content-type'] ?? '').toLowerCase()
  const declared = Number(req.headers['content-length'] ?? 0)
  const hasBody = declared > 0 || req.headers['transfer-encoding'] !== undefined
  if (hasBody && !type.startsWith('application/json')) {
    req.resume()
    throw fail(415, 'bad_json', 'Content-Type must be application/json')
  }
  let body: unknown
  try {
    body = await readJsonBody(req, limit)
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      throw fail(413, 'request_too_large', `Request body is larger than ${limit} bytes`)
    }
    if (error instanceof InvalidJsonError)
      throw fail(400, 'bad_json', 'Could not parse request body as JSON')
    const status = clientErrorStatus(error)
    if (status !== null) throw bodyError(status, (error as Error).message)
    throw error
  }
  if (body === undefined) return {}
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw fail(400, 'bad_json', 'Request body must be a JSON object')
  }
  if (nestsDeeperThan(body, MAX_JSON_DEPTH)) {
    throw fail(400, 'bad_json', `Request body nests deeper than ${MAX_JSON_DEPTH} levels`)
  }
  return body as JsonObject
}

function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  if (!header) return null
  const match = /^bearer\s+(\S+)\s*$/i.exec(header)
  return match?.[1] ?? null
}

function apiKey(req: IncomingMessage): string | null {
  const value = req.headers.apikey
  return typeof value === 'string' && value !== '' ? value : null
}

/** What the request proved about its caller: the API key's role and the bearer's claims. */
export interface Caller {
  /** Claims of the bearer token (or of the API key when no bearer was sent). */
  claims: JwtClaims
  token: string
}

/**
 * The gateway check Supabase runs before GoTrue: an `apikey` (or bearer) signed with this stack's
 * secret. Forged, expired and unsigned tokens never get further.
 */
export async function requireCaller(req: IncomingMessage, jwt: JwtTools): Promise<Caller> {
  const key = apiKey(req)
  const bearer = bearerToken(req)
  if (!key && !bearer) throw fail(401, 'no_authorization', 'No API key found in request')
  if (key) {
    const checked = await jwt.verify(key)
    if (!checked.ok) throw fail(401, 'bad_jwt', 'Invalid API key')
  }
  const token = bearer ?? (key as string)
  const verified = await jwt.verify(token)
  if (!verified.ok) {
    const detail =
      verified.reason === 'expired'
        ? 'token is expired'
        : verified.reason === 'unknown_key'
          ? `token is unverifiable: error while executing keyfunc: ${verified.message}`
          : 'signature is invalid'
    throw fail(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${detail}`)
  }
  return { claims: verified.claims, token }
}

const ADMIN_ROLES = new Set(['service_role', 'supabase_admin'])

/** Admin endpoints: only a service-role JWT in the Authorization header may call them. */
export function requireAdmin(caller: Caller): void {
  if (!ADMIN_ROLES.has(String(caller.claims.role))) throw fail(403, 'not_admin', 'User not allowed')
}

/** User endpoints: the bearer must be a user's access token (a `sub` claim), not an API key. */
export function requireUserClaims(caller: Caller): JwtClaims & { sub: string } {
  const sub = caller.claims.sub
  if (!sub) throw fail(403, 'bad_jwt', 'invalid claim: missing sub claim')
  return caller.claims as JwtClaims & { sub: string }
}
