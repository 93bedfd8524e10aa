import type { AuthError, JwtPayload, SupabaseClient } from '@supabase/supabase-js'

const MAX_ENTRIES = 5000
/** Claims of access tokens whose signature this process has checked, most recent last. */
const verified = new Map<string, JwtPayload>()

/** Signed with a published asymmetric key, so getClaims() checks it here, without asking Auth. */
function isLocallyVerifiable(token: string): boolean {
  try {
    const header = JSON.parse(
      Buffer.from(token.slice(0, token.indexOf('.')), 'base64url').toString(),
    )
    return typeof header.alg === 'string' && /^(ES|RS|PS|Ed)/.test(header.alg)
  } catch {
    return false
  }
}

/**
 * `auth.getClaims(token)`, remembering tokens that verified locally: every page request checks the
 * same token twice (the proxy, then the page) and a customer's next pages bring it again, and each
 * check imports the signing key and verifies an ECDSA signature. A token is the same bytes until it
 * expires, so its claims are reused until `exp`; a changed byte is another token and is checked.
 * HS256 tokens are never remembered: for them getClaims asks Auth, which also knows about sign-out.
 */
export async function verifyAccessToken(
  auth: SupabaseClient['auth'],
  token: string,
): Promise<{ claims: JwtPayload; error: null } | { claims: null; error: AuthError | null }> {
  const known = verified.get(token)
  if (known && known.exp * 1000 > Date.now()) {
    verified.delete(token)
    verified.set(token, known)
    return { claims: known, error: null }
  }
  if (known) verified.delete(token)
  const { data, error } = await auth.getClaims(token)
  if (!data) return { claims: null, error }
  if (isLocallyVerifiable(token)) {
    verified.set(token, data.claims)
    if (verified.size > MAX_ENTRIES) verified.delete(verified.keys().next().value as string)
  }
  return { claims: data.claims, error: null }
}
