import { z } from 'zod'

// The app is built once and started against different stacks, so env is read and checked at start, not baked in.
const serverEnvSchema = z.object({
  supabaseUrl: z.url({ message: 'must be an http(s) URL' }),
  supabaseAnonKey: z.string().min(20, 'must be the project anon (publishable) key'),
  supabaseServiceRoleKey: z.string().min(20, 'must be the service-role key (server-only)'),
  portalUrl: z.url({ message: 'must be an http(s) URL' }),
})

export type ServerEnv = z.infer<typeof serverEnvSchema>

const names: Record<keyof ServerEnv, string> = {
  supabaseUrl: 'NEXT_PUBLIC_SUPABASE_URL (or SUPABASE_URL)',
  supabaseAnonKey: 'NEXT_PUBLIC_SUPABASE_ANON_KEY (or NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY / SUPABASE_ANON_KEY)',
  supabaseServiceRoleKey: 'SUPABASE_SERVICE_ROLE_KEY',
  portalUrl: 'PORTAL_URL',
}

export class EnvError extends Error {
  override name = 'EnvError'
}

/** Reads and validates the CRM's env; throws one message naming every missing or bad variable. */
export function readServerEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const raw = {
    supabaseUrl: source.NEXT_PUBLIC_SUPABASE_URL ?? source.SUPABASE_URL,
    supabaseAnonKey:
      source.NEXT_PUBLIC_SUPABASE_ANON_KEY ?? source.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY ?? source.SUPABASE_ANON_KEY,
    supabaseServiceRoleKey: source.SUPABASE_SERVICE_ROLE_KEY,
    portalUrl: source.PORTAL_URL ?? 'http://localhost:3001',
  }
  const parsed = serverEnvSchema.safeParse(raw)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((issue) => {
    const key = issue.path[0] as keyof ServerEnv
    const value = raw[key]
    return `  - ${names[key]}: ${value === undefined || value === '' ? 'is missing' : issue.message}`
  })
  throw new EnvError(`The CRM cannot start; fix these environment variables:\n${problems.join('\n')}`)
}
