import { createBrowserClient } from '@supabase/ssr'
import type { SupabaseClient } from '@supabase/supabase-js'
import type { PublicSupabaseEnv } from './env-checks.ts'
import { readBrowserEnv } from './public-env-reader.ts'
import type { Database } from './types.ts'

export type BrowserClient = SupabaseClient<Database>

/**
 * The browser's Supabase client. Settings come from `<PublicSupabaseEnv />` (rendered by the root
 * layout at request time), falling back to NEXT_PUBLIC_* so a build never pins one stack's URL.
 */
export function createClient(env: PublicSupabaseEnv = readBrowserEnv()): BrowserClient {
  return createBrowserClient<Database>(env.url, env.anonKey)
}
