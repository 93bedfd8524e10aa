import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose'

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

export type JwtFailure = { ok: false; reason: 'expired' | 'invalid'; message: string }
export type JwtResult = { ok: true; claims: JwtClaims } | JwtFailure

export interface JwtTools {
  sign(claims: JwtClaims, expiresInSeconds: number): Promise<string>
  verify(token: string): Promise<JwtResult>
}

/** HS256 only: `alg: none` and every other algorithm are refused, as GoTrue and PostgREST do. */
export function createJwtTools(secret: string): JwtTools {
  const key = new TextEncoder().encode(secret)
  return {
    async sign(claims, expiresInSeconds) {
      const now = Math.floor(Date.now() / 1000)
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuedAt(now)
        .setExpirationTime(now + expiresInSeconds)
        .sign(key)
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify<JwtClaims>(token, key, { algorithms: ['HS256'] })
        return { ok: true, claims: payload }
      } catch (error) {
        if (error instanceof errors.JWTExpired) {
          return { ok: false, reason: 'expired', message: 'JWT expired' }
        }
        return { ok: false, reason: 'invalid', message: 'invalid JWT: unable to parse or verify signature' }
      }
    },
  }
}
