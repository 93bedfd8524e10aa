import { createServerClient } from '@supabase/ssr'
import { type NextRequest, NextResponse } from 'next/server'
import { readPublicEnv } from './env.ts'
import { serverRealtimeOptions } from './server-transport.ts'
import { verifyAccessToken } from './verified-tokens.ts'
import type { Database } from './types.ts'

export interface UpdateSessionOptions {
  /** Paths that need a signed-in user; a signed-out request is redirected to `signInPath`. */
  isProtectedPath?: (pathname: string) => boolean
  /** Where signed-out users are sent (default `/auth/login`). */
  signInPath?: string
}

/**
 * For Next 16 `proxy.ts`: refreshes the auth session and returns the response carrying the
 * refreshed cookies. Return it as is (or copy its cookies) so the refresh survives.
 */
export async function updateSession(
  request: NextRequest,
  options: UpdateSessionOptions = {},
): Promise<NextResponse> {
  let response = NextResponse.next({ request })
  const env = readPublicEnv()
  const supabase = createServerClient<Database>(env.url, env.anonKey, {
    realtime: serverRealtimeOptions(),
    cookies: {
      getAll() {
        return request.cookies.getAll()
      },
      setAll(cookiesToSet) {
        for (const { name, value } of cookiesToSet) request.cookies.set(name, value)
        response = NextResponse.next({ request })
        for (const { name, value, options: cookieOptions } of cookiesToSet) {
          response.cookies.set(name, value, cookieOptions)
        }
      },
    },
  })
  // Nothing may run between creating the client and this call, or sessions log out at random.
  // getSession refreshes an expired session (writing the new cookies above); the token is then
  // verified locally against the signing keys (only HS256 projects ask Auth, `/auth/v1/user`), as
  // getClaims() does, remembering a verified token for the page's own check.
  const { data } = await supabase.auth.getSession()
  const token = data.session?.access_token
  const user = token ? ((await verifyAccessToken(supabase.auth, token)).claims?.sub ?? null) : null

  const pathname = request.nextUrl.pathname
  if (!user && options.isProtectedPath?.(pathname)) {
    const url = request.nextUrl.clone()
    url.pathname = options.signInPath ?? '/auth/login'
    url.searchParams.set('next', pathname)
    const redirect = NextResponse.redirect(url)
    for (const cookie of response.cookies.getAll()) redirect.cookies.set(cookie)
    return redirect
  }
  return response
}
