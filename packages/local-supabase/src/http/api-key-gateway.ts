import type { IncomingMessage } from 'node:http'
import type { ApiKeys } from '../keys.ts'

/** The body Supabase's gateway answers (401) when a secret key comes from a browser. */
export const SECRET_KEY_IN_BROWSER = { message: 'Forbidden use of secret API key in browser' }

/** Supabase decides "browser" by the User-Agent: every browser (and little else) sends `Mozilla/`. */
const BROWSER_AGENT = /\bMozilla\//i

const NEW_KEY_BEARER = /^bearer\s+sb_/i

function headerText(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** The JWT an `sb_` key stands for, or null when the value is not one of this stack's keys. */
function jwtFor(value: string | null | undefined, keys: ApiKeys): string | null {
  if (value === keys.publishableKey) return keys.anonKey
  if (value === keys.secretKey) return keys.serviceRoleKey
  return null
}

/**
 * What Supabase's API gateway does before a request reaches Auth, REST or Realtime: an `apikey`
 * that is the publishable key becomes the anon JWT, the secret key the service-role JWT (in the
 * header and in `?apikey=`), and an `Authorization: Bearer sb_…` is replaced by the key's JWT, since
 * those keys are not JWTs. A user's own bearer token is left alone. Returns false (and changes
 * nothing) when the secret key is used from a browser, which Supabase refuses with 401.
 */
export function translateApiKeys(req: IncomingMessage, url: URL, keys: ApiKeys): boolean {
  const headerKey = headerText(req, 'apikey')
  const queryKey = url.searchParams.get('apikey')
  const usesSecretKey = headerKey === keys.secretKey || queryKey === keys.secretKey
  if (usesSecretKey && BROWSER_AGENT.test(headerText(req, 'user-agent') ?? '')) return false

  const headerJwt = jwtFor(headerKey, keys)
  if (headerJwt) req.headers.apikey = headerJwt
  const queryJwt = jwtFor(queryKey, keys)
  if (queryJwt) url.searchParams.set('apikey', queryJwt)

  const authorization = headerText(req, 'authorization')
  if (authorization === undefined) {
    if (headerJwt) req.headers.authorization = `Bearer ${headerJwt}`
  } else if (NEW_KEY_BEARER.test(authorization)) {
    const apikey = headerJwt ?? headerKey
    if (apikey) req.headers.authorization = `Bearer ${apikey}`
    else delete req.headers.authorization
  }
  return true
}
