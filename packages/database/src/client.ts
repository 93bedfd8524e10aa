import { createBrowserClient } from '@supabase/ssr'
import type { SupabaseClient } from '@supabase/supabase-js'
import type { EnvSource, PublicSupabaseEnv } from './env.ts'
import { readPublicEnv } from './env.ts'
import { readInjectedEnv } from './public-env-reader.ts'
import type { Database } from './types.ts'

export type BrowserClient = SupabaseClient<Database>

/**
 * The browser's Supabase client. Settings come from `<PublicSupabaseEnv />` (rendered by the root
 * layout at request time), falling back to NEXT_PUBLIC_* so a build never pins one stack's URL.
 */
export function createClient(env: PublicSupabaseEnv = browserEnv()): BrowserClient {
  return createBrowserClient<Database>(env.url, env.anonKey)
}

function browserEnv(): PublicSupabaseEnv {
  const injected = readInjectedEnv()
  if (injected) return injected
  // Literal names so Next can inline them when they were known at build time.
  const fallback: EnvSource = {
    NEXT_PUBLIC_SUPABASE_URL: process.env.NEXT_PUBLIC_SUPABASE_URL,
    NEXT_PUBLIC_SUPABASE_ANON_KEY: process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY,
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY,
  }
  return readPublicEnv(fallback)
}
