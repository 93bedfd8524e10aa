import { createClient as createSupabaseClient, type SupabaseClient } from '@supabase/supabase-js'
import { readServerEnv } from './env.ts'
import { serverRealtimeOptions } from './server-transport.ts'
import type { Database } from './types.ts'

// Refuse to load in a browser: the service-role key bypasses RLS and must never ship to one.
if (typeof window !== 'undefined') {
  throw new Error('@repo/database/service-role is server-only and cannot be imported in a browser')
}

export type ServiceRoleClient = SupabaseClient<Database>

/** Admin client for server-side work that must bypass RLS (provisioning portal users, jobs). */
export function createClient(): ServiceRoleClient {
  const env = readServerEnv()
  return createSupabaseClient<Database>(env.url, env.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: serverRealtimeOptions(),
  })
}
