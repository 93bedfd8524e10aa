/**
 * The checks both env readers share: the server's (`env.ts`) and the browser's
 * (`public-env-reader.ts`). Plain code, not zod, and only what the browser needs, so the browser
 * bundle stays small.
 */
export type EnvSource = Readonly<Record<string, string | undefined>>

export interface PublicSupabaseEnv {
  url: string
  anonKey: string
}

export interface EnvProblem {
  variable: string
  problem: string
}

/** Thrown when variables are missing or malformed; the message names every one of them. */
export class EnvError extends Error {
  /** The first variable at fault. */
  readonly variable: string
  readonly problems: readonly string[]
  constructor(problems: readonly EnvProblem[]) {
    const lines = problems.map((p) => `${p.variable} ${p.problem}`)
    super(`Invalid environment: ${lines.join('; ')}`)
    this.name = 'EnvError'
    this.variable = problems[0]?.variable ?? ''
    this.problems = lines
  }
}

export const SUPABASE_URL_VAR = 'NEXT_PUBLIC_SUPABASE_URL'
export const SUPABASE_ANON_KEY_VAR = 'NEXT_PUBLIC_SUPABASE_ANON_KEY'
export const SUPABASE_PUBLISHABLE_KEY_VAR = 'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY'

/** Supabase's key prefixes: the secret key must never reach a browser (Supabase refuses it there). */
export const SECRET_KEY_PREFIX = 'sb_secret_'
export const PUBLISHABLE_KEY_PREFIX = 'sb_publishable_'

const MIN_KEY_LENGTH = 20

export type Check<T> = { ok: true; value: T } | ({ ok: false } & EnvProblem)

export function envValue(source: EnvSource, variable: string): string | undefined {
  const raw = source[variable]?.trim()
  return raw === '' ? undefined : raw
}

export function missing<T>(variable: string, alternative?: string): Check<T> {
  return {
    ok: false,
    variable,
    problem: alternative ? `is missing (or set ${alternative})` : 'is missing',
  }
}

export function checkUrl(raw: string, variable: string): Check<string> {
  let protocol = ''
  try {
    protocol = new URL(raw).protocol
  } catch {
    // not a URL at all
  }
  if (protocol !== 'http:' && protocol !== 'https:')
    return { ok: false, variable, problem: `must be an http(s) URL, got "${raw}"` }
  return { ok: true, value: raw.replace(/\/+$/, '') }
}

export function checkKey(raw: string, variable: string): Check<string> {
  if (raw.length < MIN_KEY_LENGTH)
    return { ok: false, variable, problem: 'does not look like an API key' }
  return { ok: true, value: raw }
}

export function checkSupabaseUrl(source: EnvSource): Check<string> {
  const raw = envValue(source, SUPABASE_URL_VAR)
  return raw === undefined ? missing(SUPABASE_URL_VAR) : checkUrl(raw, SUPABASE_URL_VAR)
}

/** A browser's key: the anon JWT or the publishable key, never the secret key. */
function checkPublicKey(raw: string, variable: string): Check<string> {
  if (raw.startsWith(SECRET_KEY_PREFIX)) {
    return {
      ok: false,
      variable,
      problem: `holds a secret key (${SECRET_KEY_PREFIX}…), which must never reach a browser: use the publishable key (${PUBLISHABLE_KEY_PREFIX}…) or the anon key`,
    }
  }
  return checkKey(raw, variable)
}

/** The anon key (legacy JWT) or the publishable key, under either of Supabase's names. */
export function checkAnonKey(source: EnvSource): Check<string> {
  const anon = envValue(source, SUPABASE_ANON_KEY_VAR)
  if (anon !== undefined) return checkPublicKey(anon, SUPABASE_ANON_KEY_VAR)
  const publishable = envValue(source, SUPABASE_PUBLISHABLE_KEY_VAR)
  if (publishable !== undefined) return checkPublicKey(publishable, SUPABASE_PUBLISHABLE_KEY_VAR)
  return missing(SUPABASE_ANON_KEY_VAR, SUPABASE_PUBLISHABLE_KEY_VAR)
}

/** The URL and anon (or publishable) key the browser may see, from the given variables. */
export function readPublicEnvFrom(source: EnvSource): PublicSupabaseEnv {
  const url = checkSupabaseUrl(source)
  const anonKey = checkAnonKey(source)
  if (url.ok && anonKey.ok) return { url: url.value, anonKey: anonKey.value }
  throw new EnvError(
    [url, anonKey].filter((c): c is Extract<Check<string>, { ok: false }> => !c.ok),
  )
}
