import { createServerClient } from '@supabase/ssr'
import type { SupabaseClient } from '@supabase/supabase-js'
import { cookies } from 'next/headers'
import { readPublicEnv } from './env.ts'
import { serverRealtimeOptions } from './server-transport.ts'
import type { Database } from './types.ts'

export type ServerClient = SupabaseClient<Database>

/**
 * Supabase client for Server Components, Server Actions and Route Handlers, acting as the signed-in
 * user (RLS applies). Make a new one per request; never keep it in a module variable.
 */
export async function createClient(): Promise<ServerClient> {
  const cookieStore = await cookies()
  const env = readPublicEnv()
  return createServerClient<Database>(env.url, env.anonKey, {
    realtime: serverRealtimeOptions(),
    cookies: {
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
    },
  })
}
