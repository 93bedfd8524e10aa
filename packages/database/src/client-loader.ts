import type { BrowserClient } from './client.ts'
import type { PublicSupabaseEnv } from './env-checks.ts'

/**
 * The browser client, imported on demand: Supabase's client libraries (~50 kB gzip, most of it
 * auth-js) then load beside the page instead of before it becomes interactive. Pages render from
 * the server and only the live layer needs the client, so it starts fetching at once and the
 * socket opens as soon as it is here. On the server, where no socket is opened, it never resolves.
 */
export function loadClient(env: PublicSupabaseEnv): Promise<BrowserClient> {
  if (typeof window === 'undefined') return new Promise(() => {})
  return import('./client.ts').then(({ createClient }) => createClient(env))
}
