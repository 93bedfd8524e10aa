import { type CookieMethodsServer, createServerClient } from '@supabase/ssr'
import {
  type AuthError,
  createClient as createSupabaseClient,
  type JwtPayload,
} from '@supabase/supabase-js'
import type { PublicSupabaseEnv } from './env-checks.ts'
import { serverRealtimeOptions } from './server-transport.ts'
import { verifyAccessToken } from './verified-tokens.ts'
import type { Client, Database } from './types.ts'

export interface VerifiedSession {
  userId: string
  claims: JwtPayload
  /**
   * Acts as the signed-in user (RLS applies) with the verified access token. It has no auth API
   * (`supabase.auth` throws): signing in and out, and refreshing, use the cookie client.
   */
  supabase: Client
}

export type SessionResult =
  | { session: VerifiedSession; error: null }
  | { session: null; error: AuthError | null }

/**
 * The signed-in user behind a request's auth cookies, or null with the reason. The session is read
 * from the cookies once (refreshed first when its access token has expired, through `setAll`) and
 * its access token is verified with `getClaims()`: locally, against the project's published signing
 * keys (fetched once, then cached by auth-js; a token that verified is remembered until it expires),
 * when tokens are asymmetric (ES256/RS256); projects
 * still on the HS256 secret make auth-js ask Auth (`GET /auth/v1/user`) instead. The returned client
 * carries the token itself, so its queries do not decode the cookies again.
 */
export async function verifySession(
  env: PublicSupabaseEnv,
  cookies: CookieMethodsServer,
): Promise<SessionResult> {
  const auth = createServerClient<Database>(env.url, env.anonKey, {
    realtime: serverRealtimeOptions(),
    cookies,
  })
  const { data, error } = await auth.auth.getSession()
  const token = data.session?.access_token
  if (!token) return { session: null, error }
  const { claims, error: claimsError } = await verifyAccessToken(auth.auth, token)
  if (!claims) return { session: null, error: claimsError }
  const supabase = createSupabaseClient<Database>(env.url, env.anonKey, {
    accessToken: async () => token,
    realtime: serverRealtimeOptions(),
  })
  return { session: { userId: claims.sub, claims, supabase }, error: null }
}
