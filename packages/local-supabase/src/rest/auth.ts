import type { IncomingMessage } from 'node:http'
import type { JwtClaims, JwtResult, JwtTools } from '../jwt.ts'
import { RestError } from './errors.ts'

/** Who a request runs as: the Postgres role from the JWT's `role` claim, and the claims themselves. */
export interface RequestAuth {
  role: string
  claims: JwtClaims
  /** No user behind the request: permission errors answer 401, as PostgREST does for anon. */
  anonymous: boolean
}

const ANON_ROLE = 'anon'
const TOKEN_CACHE_SIZE = 1000

/**
 * Remembers verified tokens until they expire: the same few tokens arrive on every request, and
 * an HMAC check through WebCrypto per request is the largest fixed cost of a small read. The
 * least recently used token goes first when the cache is full.
 */
export function createTokenVerifier(jwt: JwtTools): (token: string) => Promise<JwtResult> {
  const cache = new Map<string, { claims: JwtClaims; expiresAt: number }>()
  return async (token) => {
    const hit = cache.get(token)
    if (hit) cache.delete(token)
    if (hit && Date.now() < hit.expiresAt) {
      cache.set(token, hit)
      return { ok: true, claims: hit.claims }
    }
    const result = await jwt.verify(token)
    if (result.ok) {
      const exp =
        typeof result.claims.exp === 'number' ? result.claims.exp * 1000 : Number.POSITIVE_INFINITY
      if (cache.size >= TOKEN_CACHE_SIZE) cache.delete(cache.keys().next().value as string)
      cache.set(token, { claims: result.claims, expiresAt: exp })
    }
    return result
  }
}

function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  if (!header) return null
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  if (!match) {
    throw new RestError(
      401,
      'PGRST301',
      'Authorization header must be "Bearer <JWT>"',
      null,
      null,
      {
        'www-authenticate': 'Bearer error="invalid_request"',
      },
    )
  }
  return match[1] as string
}

/**
 * Verifies `Authorization: Bearer <jwt>` (else the `apikey` header or `?apikey=`) and picks the role.
 * A request with no key at all runs as `anon`, as behind the Supabase CLI's gateway, or is refused
 * as hosted Supabase's gateway refuses it (`requireApiKey`). Roles the `authenticator` role is not
 * a member of are refused, as PostgREST's `SET ROLE` would be.
 */
export async function authenticate(
  req: IncomingMessage,
  url: URL,
  verify: (token: string) => Promise<JwtResult>,
  allowedRoles: Set<string>,
  requireApiKey: boolean,
): Promise<RequestAuth> {
  const apikeyHeader = req.headers.apikey
  const apikey =
    (Array.isArray(apikeyHeader) ? apikeyHeader[0] : apikeyHeader) ?? url.searchParams.get('apikey')
  const token = bearerToken(req) ?? apikey
  if (!token && !requireApiKey) {
    return { role: ANON_ROLE, claims: { role: ANON_ROLE }, anonymous: true }
  }
  if (!token) {
    throw new RestError(
      401,
      'PGRST302',
      'No API key found in request',
      null,
      'No `apikey` request header or url param was found.',
    )
  }
  const result = await verify(token)
  if (!result.ok) {
    const code = result.reason === 'expired' ? 'PGRST303' : 'PGRST301'
    // PostgREST's words when no key of its JWKS matches the token's kid.
    const message =
      result.reason === 'unknown_key' ? 'No suitable key or wrong key type' : result.message
    throw new RestError(401, code, message, null, null, {
      'www-authenticate': `Bearer error="invalid_token", error_description="${message}"`,
    })
  }
  const role =
    typeof result.claims.role === 'string' && result.claims.role !== ''
      ? result.claims.role
      : ANON_ROLE
  if (!allowedRoles.has(role)) {
    throw new RestError(
      401,
      'PGRST301',
      `The JWT role "${role}" is not allowed`,
      null,
      'Use a token whose role is anon, authenticated, service_role or another role granted to authenticator.',
    )
  }
  return { role, claims: { ...result.claims, role }, anonymous: role === ANON_ROLE }
}
