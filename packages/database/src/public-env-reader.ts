import { type EnvSource, type PublicSupabaseEnv, readPublicEnvFrom } from './env-checks.ts'

/** The id of the JSON script tag `<PublicSupabaseEnv />` renders. */
export const PUBLIC_ENV_ELEMENT_ID = 'supabase-public-env'

/** Reads the settings the server injected into the page, or null outside a browser page. */
export function readInjectedEnv(): PublicSupabaseEnv | null {
  if (typeof document === 'undefined') return null
  const text = document.getElementById(PUBLIC_ENV_ELEMENT_ID)?.textContent
  if (!text) return null
  try {
    const value: unknown = JSON.parse(text)
    if (
      typeof value === 'object' &&
      value !== null &&
      'url' in value &&
      'anonKey' in value &&
      typeof value.url === 'string' &&
      typeof value.anonKey === 'string'
    ) {
      return { url: value.url, anonKey: value.anonKey }
    }
  } catch {
    // A malformed tag is treated like a missing one: the caller falls back to NEXT_PUBLIC_*.
  }
  return null
}

/**
 * The browser's one env reader: what `<PublicSupabaseEnv />` rendered into the page, falling back
 * to NEXT_PUBLIC_* inlined at build time (so a build never has to pin one stack's URL).
 */
export function readBrowserEnv(): PublicSupabaseEnv {
  const injected = readInjectedEnv()
  if (injected) return injected
  // Literal names so Next can inline them when they were known at build time.
  const fallback: EnvSource = {
    NEXT_PUBLIC_SUPABASE_URL: process.env.NEXT_PUBLIC_SUPABASE_URL,
    NEXT_PUBLIC_SUPABASE_ANON_KEY: process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY,
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY,
  }
  return readPublicEnvFrom(fallback)
}
