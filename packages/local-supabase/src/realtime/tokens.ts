import type { JwtClaims, JwtFailure, JwtTools } from '../jwt.ts'

/** The Postgres roles a realtime subscriber may act as (the same ones the REST API accepts). */
const SUBSCRIBER_ROLES = new Set(['anon', 'authenticated', 'service_role'])

/** Who a channel acts as: its JWT claims and the Postgres role they name. */
export interface Subscriber {
  role: string
  claims: JwtClaims
  /** JSON of the claims, set as request.jwt.claims for RLS checks. */
  claimsJson: string
  /** Unix seconds, or null when the token never expires. */
  expiresAt: number | null
}

export type TokenResult = { ok: true; subscriber: Subscriber } | { ok: false; message: string }

function refusalMessage(failure: JwtFailure): string {
  if (failure.reason === 'expired') return 'Token has expired'
  if (failure.reason === 'unknown_key') {
    // Supabase Realtime's words when its JWKS has no key for the token's kid.
    const kid = failure.message.replace(/^invalid kid: /, '')
    return `Failed to generate JWT signer for key ID (kid) ${JSON.stringify(kid)}, check your JWT secret or JWKS configuration`
  }
  return 'Invalid JWT: unable to verify signature'
}

/**
 * The token a join or `access_token` push acts with. An `sb_` key there (supabase-js sends its
 * API key when nobody is signed in) is not a JWT: as Supabase Realtime does, the socket's own
 * (gateway-translated) API key stands in for it.
 */
export function effectiveToken(accessToken: unknown, socketToken: string): unknown {
  return typeof accessToken === 'string' && accessToken.startsWith('sb_')
    ? socketToken
    : accessToken
}

export async function verifySubscriberToken(jwt: JwtTools, token: unknown): Promise<TokenResult> {
  if (typeof token !== 'string' || token === '')
    return { ok: false, message: 'access_token must be a non-empty string' }
  const result = await jwt.verify(token)
  if (!result.ok) return { ok: false, message: refusalMessage(result) }
  const role = result.claims.role ?? 'anon'
  if (!SUBSCRIBER_ROLES.has(role))
    return { ok: false, message: `Invalid JWT: role "${role}" is not allowed` }
  const expiresAt = typeof result.claims.exp === 'number' ? result.claims.exp : null
  return {
    ok: true,
    subscriber: {
      role,
      claims: result.claims,
      claimsJson: JSON.stringify(result.claims),
      expiresAt,
    },
  }
}

const keys = new WeakMap<Subscriber, string>()

/**
 * One identity per distinct (role, claims): the unit of an RLS check. Built once per subscriber:
 * every change looks it up for each of its receivers, and the same string keeps its hash.
 */
export function subscriberKey(subscriber: Subscriber): string {
  let key = keys.get(subscriber)
  if (key === undefined) {
    key = `${subscriber.role}\u0000${subscriber.claimsJson}`
    keys.set(subscriber, key)
  }
  return key
}
