/**
 * The one reader of the product's server-side environment (both apps). Values are read at request
 * time, never inlined at build time: the apps are built once and started against stacks on
 * different URLs, so every read goes through a computed key. The browser's reader is
 * `public-env-reader.ts`; both share the checks in `env-checks.ts`.
 */
import {
  type Check,
  checkAnonKey,
  checkKey,
  checkSupabaseUrl,
  checkUrl,
  EnvError,
  type EnvSource,
  envValue,
  missing,
  PUBLISHABLE_KEY_PREFIX,
  type PublicSupabaseEnv,
  readPublicEnvFrom,
  SECRET_KEY_PREFIX,
} from './env-checks.ts'

export {
  EnvError,
  type EnvSource,
  type PublicSupabaseEnv,
  SUPABASE_ANON_KEY_VAR,
  SUPABASE_PUBLISHABLE_KEY_VAR,
  SUPABASE_URL_VAR,
} from './env-checks.ts'

export interface ServerSupabaseEnv extends PublicSupabaseEnv {
  serviceRoleKey: string
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export const SUPABASE_SERVICE_ROLE_KEY_VAR = 'SUPABASE_SERVICE_ROLE_KEY'
export const SUPABASE_SECRET_KEY_VAR = 'SUPABASE_SECRET_KEY'
export const PORTAL_URL_VAR = 'PORTAL_URL'
export const CRM_URL_VAR = 'CRM_URL'
export const DEFAULT_CRM_URL = 'http://localhost:3000'
export const LOG_LEVEL_VAR = 'LOG_LEVEL'
/** Signs the unsubscribe links in notification e-mails (the worker) and checks them (the portal). */
export const NOTIFICATIONS_SIGNING_SECRET_VAR = 'NOTIFICATIONS_SIGNING_SECRET'
export const DEFAULT_PORTAL_URL = 'http://localhost:3001'
export const ETA_SPEED_KMH_VAR = 'ETA_SPEED_KMH'
/** A map tile URL template (`…/{z}/{x}/{y}.png`); unset: the portal shows no map. */
export const MAP_TILE_URL_VAR = 'NEXT_PUBLIC_MAP_TILE_URL'
/** Average town driving speed for the straight-line arrival estimate. */
export const DEFAULT_ETA_SPEED_KMH = 30
const logLevels: readonly LogLevel[] = ['debug', 'info', 'warn', 'error']

/** `process.env` looked up through a variable so bundlers cannot replace it with a constant. */
export function runtimeEnv(): EnvSource {
  const name = 'env'
  return (globalThis.process?.[name as 'env'] ?? {}) as EnvSource
}

/** A server's admin key: the service_role JWT or the secret key, never the publishable key. */
function checkAdminKey(raw: string, variable: string): Check<string> {
  if (raw.startsWith(PUBLISHABLE_KEY_PREFIX)) {
    return {
      ok: false,
      variable,
      problem: `holds the publishable key (${PUBLISHABLE_KEY_PREFIX}…), which has no admin rights: use the secret key (${SECRET_KEY_PREFIX}…) or the service_role key`,
    }
  }
  return checkKey(raw, variable)
}

/** The service_role key (legacy JWT) or the secret key, under either of Supabase's names. */
function checkServiceRoleKey(source: EnvSource): Check<string> {
  const serviceRole = envValue(source, SUPABASE_SERVICE_ROLE_KEY_VAR)
  if (serviceRole !== undefined) return checkAdminKey(serviceRole, SUPABASE_SERVICE_ROLE_KEY_VAR)
  const secret = envValue(source, SUPABASE_SECRET_KEY_VAR)
  if (secret !== undefined) return checkAdminKey(secret, SUPABASE_SECRET_KEY_VAR)
  return missing(SUPABASE_SERVICE_ROLE_KEY_VAR, SUPABASE_SECRET_KEY_VAR)
}

/** Each setting: how it is read and checked, with what is wrong when it is not usable. */
const settings = {
  supabaseUrl: checkSupabaseUrl,
  anonKey: checkAnonKey,
  serviceRoleKey: checkServiceRoleKey,
  portalUrl(source: EnvSource): Check<string> {
    return checkUrl(envValue(source, PORTAL_URL_VAR) ?? DEFAULT_PORTAL_URL, PORTAL_URL_VAR)
  },
  crmUrl(source: EnvSource): Check<string> {
    return checkUrl(envValue(source, CRM_URL_VAR) ?? DEFAULT_CRM_URL, CRM_URL_VAR)
  },
  /** Null when unset: e-mails then carry no unsubscribe link and the portal's route says so. */
  notificationsSigningSecret(source: EnvSource): Check<string | null> {
    const raw = envValue(source, NOTIFICATIONS_SIGNING_SECRET_VAR)
    if (raw === undefined) return { ok: true, value: null }
    return raw.length >= 32
      ? { ok: true, value: raw }
      : {
          ok: false,
          variable: NOTIFICATIONS_SIGNING_SECRET_VAR,
          problem: 'must be at least 32 characters',
        }
  },
  logLevel(source: EnvSource): Check<LogLevel> {
    const raw = envValue(source, LOG_LEVEL_VAR)?.toLowerCase() ?? 'info'
    return logLevels.includes(raw as LogLevel)
      ? { ok: true, value: raw as LogLevel }
      : { ok: false, variable: LOG_LEVEL_VAR, problem: `must be one of ${logLevels.join(', ')}` }
  },
  etaSpeedKmh(source: EnvSource): Check<number> {
    const raw = envValue(source, ETA_SPEED_KMH_VAR)
    const value = raw === undefined ? DEFAULT_ETA_SPEED_KMH : Number(raw)
    return Number.isFinite(value) && value > 0 && value <= 200
      ? { ok: true, value }
      : {
          ok: false,
          variable: ETA_SPEED_KMH_VAR,
          problem: 'must be a speed in km/h between 0 and 200',
        }
  },
  mapTileUrl(source: EnvSource): Check<string | null> {
    const raw = envValue(source, MAP_TILE_URL_VAR)
    if (raw === undefined) return { ok: true, value: null }
    return /^https?:\/\//.test(raw) && ['{z}', '{x}', '{y}'].every((p) => raw.includes(p))
      ? { ok: true, value: raw }
      : {
          ok: false,
          variable: MAP_TILE_URL_VAR,
          problem: 'must be an http(s) URL with {z}, {x} and {y}',
        }
  },
} satisfies Record<string, (source: EnvSource) => Check<unknown>>

export type EnvSetting = keyof typeof settings
type Values<K extends EnvSetting> = {
  [P in K]: ReturnType<(typeof settings)[P]> extends Check<infer T> ? T : never
}
type Problem = Extract<Check<unknown>, { ok: false }>

/** Reads the named settings, throwing one EnvError that names every missing or malformed one. */
export function readEnv<K extends EnvSetting>(
  keys: readonly K[],
  source: EnvSource = runtimeEnv(),
): Values<K> {
  const values: Partial<Record<EnvSetting, unknown>> = {}
  const problems: Problem[] = []
  for (const key of keys) {
    const checked = settings[key](source)
    if (checked.ok) values[key] = checked.value
    else problems.push(checked)
  }
  if (problems.length > 0) throw new EnvError(problems)
  return values as Values<K>
}

/** The URL and anon (or publishable) key the browser may see. */
export function readPublicEnv(source: EnvSource = runtimeEnv()): PublicSupabaseEnv {
  return readPublicEnvFrom(source)
}

/** Public settings plus the service-role (or secret) key: server code only. */
export function readServerEnv(source: EnvSource = runtimeEnv()): ServerSupabaseEnv {
  const env = readEnv(['supabaseUrl', 'anonKey', 'serviceRoleKey'], source)
  return { url: env.supabaseUrl, anonKey: env.anonKey, serviceRoleKey: env.serviceRoleKey }
}

/** Where invited customers land (the portal's public origin); defaults to the local portal. */
export function readPortalUrl(source: EnvSource = runtimeEnv()): string {
  return readEnv(['portalUrl'], source).portalUrl
}

/** Where staff e-mails (invitations, sign-up confirmations) land: the CRM's public origin. */
export function readCrmUrl(source: EnvSource = runtimeEnv()): string {
  return readEnv(['crmUrl'], source).crmUrl
}

/** The lowest level the logger writes; an unusable value falls back to `info` (checked at start). */
/** The speed (km/h) the arrival estimate assumes; the default when unset or malformed. */
export function readEtaSpeedKmh(source: EnvSource = runtimeEnv()): number {
  const checked = settings.etaSpeedKmh(source)
  return checked.ok ? checked.value : DEFAULT_ETA_SPEED_KMH
}

/** The map tile template for the arrival banner, or null (no map) when unset or malformed. */
export function readMapTileUrl(source: EnvSource = runtimeEnv()): string | null {
  const checked = settings.mapTileUrl(source)
  return checked.ok ? checked.value : null
}

export function readLogLevel(source: EnvSource = runtimeEnv()): LogLevel {
  const checked = settings.logLevel(source)
  return checked.ok ? checked.value : 'info'
}

/**
 * The start-up check each app runs from `next.config` with the settings it needs. At build time
 * only values that are set are checked (one build serves any stack); at start every one must be.
 */
export function checkEnv(
  keys: readonly EnvSetting[],
  options: { phase: 'build' | 'start' },
  source: EnvSource = runtimeEnv(),
): void {
  if (options.phase === 'start') {
    readEnv(keys, source)
    return
  }
  const problems = keys
    .map((key) => settings[key](source))
    .filter((c): c is Problem => !c.ok && !c.problem.startsWith('is missing'))
  if (problems.length > 0) throw new EnvError(problems)
}
