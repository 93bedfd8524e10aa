import { type CookieMethodsServer, createServerClient } from '@supabase/ssr'
import type { SupabaseClient } from '@supabase/supabase-js'
import { cookies } from 'next/headers'
import { readPublicEnv } from './env.ts'
import { serverRealtimeOptions } from './server-transport.ts'
import { type SessionResult, verifySession } from './session.ts'
import type { Database } from './types.ts'

export type { SessionResult, VerifiedSession } from './session.ts'

export type ServerClient = SupabaseClient<Database>

/**
 * Supabase client for Server Components, Server Actions and Route Handlers, acting as the signed-in
 * user (RLS applies). Make a new one per request; never keep it in a module variable.
 */
export async function createClient(): Promise<ServerClient> {
  const env = readPublicEnv()
  return createServerClient<Database>(env.url, env.anonKey, {
    realtime: serverRealtimeOptions(),
    cookies: await requestCookies(),
  })
}

/**
 * The signed-in user of this request, verified from the auth cookies (see `verifySession`: locally
 * when the project signs tokens with asymmetric keys), and a client acting as them for reads and
 * writes. Cheaper than `createClient()` + `auth.getUser()` on every render; use `createClient()`
 * for the auth API itself (sign-in, sign-out, password changes).
 */
export async function getServerSession(): Promise<SessionResult> {
  return verifySession(readPublicEnv(), await requestCookies())
}

async function requestCookies(): Promise<CookieMethodsServer> {
  const cookieStore = await cookies()
  return {
    getAll() {
      return cookieStore.getAll()
    },
    setAll(cookiesToSet) {
      try {
        for (const { name, value, options } of cookiesToSet) cookieStore.set(name, value, options)
      } catch {
        // Server Components cannot set cookies; the proxy refreshes the session instead.
      }
    },
  }
}
