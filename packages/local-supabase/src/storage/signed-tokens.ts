import { decodeProtectedHeader, errors, jwtVerify } from 'jose'
import type { JwtTools } from '../jwt.ts'
import { storageErrors } from './errors.ts'

/** A signed download URL's token: the object it names and, maybe, an image transform. */
export interface DownloadClaims {
  url: string
  transformations?: string
  /** Seconds since the epoch, set by the signer. */
  exp?: number
}

/** A signed upload URL's token: the object, whether it may replace one, and who will own it. */
export interface UploadClaims {
  url: string
  upsert: boolean
  owner?: string
}

/** Signed upload URLs last two hours, as Supabase Storage's do. */
export const SIGNED_UPLOAD_EXPIRY_SECONDS = 2 * 60 * 60

/**
 * Verifies a signed URL's token with the stack's secret, as Storage does with jsonwebtoken: an
 * expired token is `InvalidJWT` "jwt expired", a forged or altered one "invalid signature", a token
 * for another object `InvalidSignature`. Download and upload tokens are not interchangeable.
 */
export async function verifySignedToken(
  secret: string,
  token: string | null,
  objectPath: string,
  kind: 'download' | 'upload',
): Promise<DownloadClaims | UploadClaims> {
  if (!token) throw storageErrors.badRequest("querystring must have required property 'token'")
  try {
    decodeProtectedHeader(token)
  } catch {
    throw storageErrors.invalidJwt('jwt malformed')
  }
  let payload: Record<string, unknown>
  try {
    payload = (await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ['HS256'] }))
      .payload
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw storageErrors.invalidJwt('jwt expired')
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      throw storageErrors.invalidJwt('invalid signature')
    }
    throw storageErrors.invalidJwt('jwt malformed')
  }
  const isUpload = typeof payload.upsert === 'boolean'
  if (typeof payload.url !== 'string' || isUpload !== (kind === 'upload')) {
    throw storageErrors.invalidJwt('invalid signature')
  }
  if (payload.url !== objectPath) throw storageErrors.invalidSignature()
  return payload as unknown as DownloadClaims | UploadClaims
}

export function signDownload(
  jwt: JwtTools,
  claims: DownloadClaims,
  expiresIn: number,
): Promise<string> {
  return jwt.sign({ ...claims }, expiresIn)
}

export function signUpload(jwt: JwtTools, claims: UploadClaims): Promise<string> {
  return jwt.sign({ ...claims }, SIGNED_UPLOAD_EXPIRY_SECONDS)
}
