/**
 * Supabase settings read at request time, never inlined at build time: the apps are built once and
 * started against stacks on different URLs, so every read goes through a computed key.
 */
export type EnvSource = Readonly<Record<string, string | undefined>>

export interface PublicSupabaseEnv {
  url: string
  anonKey: string
}

export interface ServerSupabaseEnv extends PublicSupabaseEnv {
  serviceRoleKey: string
}

/** Thrown when a required variable is missing or malformed; the message names the variable. */
export class EnvError extends Error {
  readonly variable: string
  constructor(variable: string, problem: string) {
    super(`Invalid environment: ${variable} ${problem}`)
    this.name = 'EnvError'
    this.variable = variable
  }
}

export const SUPABASE_URL_VAR = 'NEXT_PUBLIC_SUPABASE_URL'
export const SUPABASE_ANON_KEY_VAR = 'NEXT_PUBLIC_SUPABASE_ANON_KEY'
export const SUPABASE_PUBLISHABLE_KEY_VAR = 'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY'
export const SUPABASE_SERVICE_ROLE_KEY_VAR = 'SUPABASE_SERVICE_ROLE_KEY'

// Plain checks, not zod: the browser client reads this module, and zod would add ~30 kB to it.
const MIN_KEY_LENGTH = 20

/** `process.env` looked up through a variable so bundlers cannot replace it with a constant. */
export function runtimeEnv(): EnvSource {
  const name = 'env'
  return (globalThis.process?.[name as 'env'] ?? {}) as EnvSource
}

function required(source: EnvSource, variable: string): string {
  const value = source[variable]
  if (value === undefined || value.trim() === '') throw new EnvError(variable, 'is missing')
  return value.trim()
}

function parseUrl(value: string, variable: string): string {
  let protocol: string
  try {
    protocol = new URL(value).protocol
  } catch {
    protocol = ''
  }
  if (protocol !== 'http:' && protocol !== 'https:')
    throw new EnvError(variable, `must be an http(s) URL, got "${value}"`)
  return value.replace(/\/+$/, '')
}

function parseKey(value: string, variable: string): string {
  if (value.trim().length < MIN_KEY_LENGTH)
    throw new EnvError(variable, 'does not look like an API key')
  return value
}

/** The URL and anon (or publishable) key the browser may see. */
export function readPublicEnv(source: EnvSource = runtimeEnv()): PublicSupabaseEnv {
  const url = parseUrl(required(source, SUPABASE_URL_VAR), SUPABASE_URL_VAR)
  const anon = source[SUPABASE_ANON_KEY_VAR]?.trim()
  const publishable = source[SUPABASE_PUBLISHABLE_KEY_VAR]?.trim()
  if (anon) return { url, anonKey: parseKey(anon, SUPABASE_ANON_KEY_VAR) }
  if (publishable) return { url, anonKey: parseKey(publishable, SUPABASE_PUBLISHABLE_KEY_VAR) }
  throw new EnvError(SUPABASE_ANON_KEY_VAR, `is missing (or set ${SUPABASE_PUBLISHABLE_KEY_VAR})`)
}

/** Public settings plus the service-role key: server code only. */
export function readServerEnv(source: EnvSource = runtimeEnv()): ServerSupabaseEnv {
  const pub = readPublicEnv(source)
  const serviceRoleKey = parseKey(
    required(source, SUPABASE_SERVICE_ROLE_KEY_VAR),
    SUPABASE_SERVICE_ROLE_KEY_VAR,
  )
  return { ...pub, serviceRoleKey }
}
