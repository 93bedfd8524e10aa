import { decodeProtectedHeader, errors, jwtVerify, SignJWT, type JWTPayload } from 'jose'
import { currentSigningKey, type PublicSigningJwk, type SigningKey } from './signing-keys.ts'

/** The claims Supabase puts in its JWTs; `role` decides the Postgres role of a request. */
export interface JwtClaims extends JWTPayload {
  role?: string
  email?: string
  phone?: string
  aud?: string | string[]
  session_id?: string
  is_anonymous?: boolean
  app_metadata?: Record<string, unknown>
  user_metadata?: Record<string, unknown>
  aal?: string
  amr?: Array<{ method: string; timestamp: number }>
}

/**
 * Why a token was refused: `expired`, `unknown_key` (its `kid` names no configured key, as after
 * a key was removed) or `invalid` (anything else: forged, wrong algorithm, `alg: none`, garbage).
 */
export type JwtFailure = {
  ok: false
  reason: 'expired' | 'unknown_key' | 'invalid'
  message: string
}
export type JwtResult = { ok: true; claims: JwtClaims } | JwtFailure

export interface JwtTools {
  /** Signs with the current signing key (its `kid` in the header), else HS256 with the secret. */
  sign(claims: JwtClaims, expiresInSeconds: number): Promise<string>
  verify(token: string): Promise<JwtResult>
  /** The public keys tokens may be signed with, for `/.well-known/jwks.json` (none for HS256). */
  publicKeys(): PublicSigningJwk[]
}

export interface JwtKeyConfig {
  /** The shared secret (GoTrue's JWT_SECRET): verifies HS256 tokens, and signs when there are no keys. */
  secret: string
  /** Asymmetric keys from the signing keys file; the first that can sign does. */
  signingKeys?: readonly SigningKey[]
}

const INVALID = 'invalid JWT: unable to parse or verify signature'

function failure(error: unknown): JwtFailure {
  if (error instanceof errors.JWTExpired)
    return { ok: false, reason: 'expired', message: 'JWT expired' }
  return { ok: false, reason: 'invalid', message: INVALID }
}

/**
 * Verification as GoTrue does it: a token with a `kid` is checked with that key only (an unknown
 * `kid` is refused); a token without one must be HS256 and is checked with the secret. Only the
 * algorithms of the configured keys are accepted (GoTrue's JWT_VALIDMETHODS: HS256 plus each
 * key's), so `alg: none` and algorithm confusion are refused.
 */
export function createJwtTools(config: JwtKeyConfig): JwtTools {
  const secret = new TextEncoder().encode(config.secret)
  const keys = config.signingKeys ?? []
  const signer = currentSigningKey(keys)
  if (keys.length > 0 && !signer) {
    throw new Error(
      'no signing key: every configured key lacks its private part or the "sign" key_op',
    )
  }
  const byKid = new Map(keys.map((key) => [key.kid, key]))
  // Imported once: given raw bytes, jose would import the HMAC key again on every verification.
  let hmacKey: Promise<CryptoKey> | undefined
  const verifySecret = () =>
    (hmacKey ??= crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'verify',
    ]))
  return {
    async sign(claims, expiresInSeconds) {
      const now = Math.floor(Date.now() / 1000)
      const header = signer
        ? { alg: signer.alg, kid: signer.kid, typ: 'JWT' }
        : { alg: 'HS256', typ: 'JWT' }
      return new SignJWT(claims)
        .setProtectedHeader(header)
        .setIssuedAt(now)
        .setExpirationTime(now + expiresInSeconds)
        .sign(signer?.signKey ?? secret)
    },
    async verify(token) {
      let kid: unknown
      try {
        kid = decodeProtectedHeader(token).kid
      } catch {
        return { ok: false, reason: 'invalid', message: INVALID }
      }
      if (kid !== undefined) {
        const key = typeof kid === 'string' ? byKid.get(kid) : undefined
        if (!key)
          return { ok: false, reason: 'unknown_key', message: `invalid kid: ${String(kid)}` }
        try {
          const { payload } = await jwtVerify<JwtClaims>(token, key.verifyKey, {
            algorithms: [key.alg],
          })
          return { ok: true, claims: payload }
        } catch (error) {
          return failure(error)
        }
      }
      try {
        const { payload } = await jwtVerify<JwtClaims>(token, await verifySecret(), {
          algorithms: ['HS256'],
        })
        return { ok: true, claims: payload }
      } catch (error) {
        return failure(error)
      }
    },
    publicKeys: () => keys.map((key) => key.publicJwk),
  }
}
