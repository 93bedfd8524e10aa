import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TemplateName, TemplateSetting } from './auth/email-templates.ts'
import {
  readProjectAuthSettings,
  readProjectMailSettings,
  readProjectStorageSettings,
} from './config-toml.ts'
import { DEFAULT_JWT_SECRET, DEFAULT_PUBLISHABLE_KEY, DEFAULT_SECRET_KEY } from './keys.ts'

/**
 * Auth limits per client address, as GoTrue counts them (token buckets that answer a burst at
 * once and refill the per-window allowance evenly over the window), plus one per account.
 */
export interface AuthRateLimits {
  /** Requests a full per-address bucket answers at once (GoTrue: 30; never more than its limit). */
  burst: number
  /** `/token` (password, refresh_token, pkce) per 5 minutes: `[auth.rate_limit] token_refresh`. */
  tokenRefresh: number
  /** E-mail sign-ups, `/otp`, `/magiclink`, `/recover`, `PUT /user` per 5 minutes: `sign_in_sign_ups`. */
  signInSignUps: number
  /** `/verify` per 5 minutes: `token_verifications`. */
  tokenVerifications: number
  /** Anonymous sign-ins per hour: `anonymous_users` (the burst is the whole hour's allowance). */
  anonymousUsers: number
  /** Failed password attempts against one account from one address per 5 minutes. */
  passwordFailures: number
}

/**
 * The Auth switches of `supabase/config.toml`, under the Supabase CLI's names (and the GoTrue
 * settings the CLI turns them into). Defaults are the CLI's.
 */
export interface AuthSettings {
  /** `[auth] enable_signup` (GoTrue: `DISABLE_SIGNUP`, inverted): new users at all. */
  enableSignup: boolean
  /** `[auth] enable_anonymous_sign_ins` (`EXTERNAL_ANONYMOUS_USERS_ENABLED`). */
  enableAnonymousSignIns: boolean
  /** `[auth.email] enable_signup` (`EXTERNAL_EMAIL_ENABLED`): the e-mail provider. */
  emailEnabled: boolean
  /** `[auth.email] enable_confirmations` (`MAILER_AUTOCONFIRM`, inverted). */
  emailConfirmations: boolean
  /** `[auth.email] double_confirm_changes` (`MAILER_SECURE_EMAIL_CHANGE_ENABLED`). */
  secureEmailChange: boolean
  /** `[auth] enable_refresh_token_rotation` (`SECURITY_REFRESH_TOKEN_ROTATION_ENABLED`). */
  refreshTokenRotation: boolean
  /** `[auth] refresh_token_reuse_interval` in seconds (`SECURITY_REFRESH_TOKEN_REUSE_INTERVAL`). */
  refreshTokenReuseInterval: number
}

/** The Supabase CLI's defaults for the settings above. */
export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  enableSignup: true,
  enableAnonymousSignIns: false,
  emailEnabled: true,
  emailConfirmations: false,
  secureEmailChange: true,
  refreshTokenRotation: true,
  refreshTokenReuseInterval: 10,
}

/** Everything a running stack needs to know; one object shared by every service. */
export interface StackConfig {
  /** Repository root: where `supabase/migrations` and `supabase/seed.sql` live. */
  projectDir: string
  migrationsDir: string
  seedFile: string
  /** Where the embedded cluster keeps its files (ignored when `databaseUrl` is set). */
  dataDir: string
  host: string
  apiPort: number
  dbPort: number
  /** Use an existing PostgreSQL server instead of the embedded one. */
  databaseUrl: string | null
  jwtSecret: string
  /**
   * The signing keys file (`[auth] signing_keys_path` in supabase/config.toml, relative to the
   * `supabase/` folder, or LOCAL_SUPABASE_SIGNING_KEYS_PATH): a JSON array of private JWKs
   * (ES256/RS256) as `supabase gen signing-key` writes. Null: tokens are HS256 with `jwtSecret`.
   */
  signingKeysPath: string | null
  /** The `sb_publishable_…` key, which the gateway maps to the anon role. */
  publishableKey: string
  /** The `sb_secret_…` key, which the gateway maps to the service role (refused from browsers). */
  secretKey: string
  /** Access-token lifetime in seconds (GoTrue's JWT_EXP). */
  jwtExpiry: number
  /** Largest request body the API accepts, in bytes. */
  maxBodyBytes: number
  /** Most rows one REST read may return (PostgREST's db-max-rows); null for no cap. */
  maxRows: number | null
  /**
   * Whether `/rest/v1` refuses a request that carries no key at all (`401 PGRST302`), as hosted
   * Supabase's gateway does. False (the default) runs it as `anon`, as `supabase start` does.
   */
  restRequireApiKey: boolean
  /** Per-request statement timeout for the REST API, in milliseconds. */
  statementTimeoutMs: number
  /** Site URL used for e-mail links (GoTrue's SITE_URL). */
  siteUrl: string
  /** Extra redirect URLs allowed in e-mail links. */
  additionalRedirectUrls: string[]
  /** Subject and body file per kind of mail, from supabase/config.toml (paths relative to projectDir). */
  emailTemplates: Partial<Record<TemplateName, TemplateSetting>>
  /**
   * The API's URL as clients reach it (GoTrue's API_EXTERNAL_URL): links in mails and the `iss`
   * of tokens. Null: `http://<host>:<port>` of the listening server. Never taken from a request.
   */
  apiExternalUrl: string | null
  /**
   * Browser origins that may call the API with credentials (CORS). `scheme://host:*` admits any
   * port of that host. Default: the site URL, the redirect URLs and the local apps.
   */
  corsAllowedOrigins: string[]
  /** Reverse proxies whose `X-Forwarded-For` names the client address (default: none). */
  trustedProxies: string[]
  rateLimits: AuthRateLimits
  /** Sign-up, confirmation and refresh-token switches (`[auth]` of supabase/config.toml). */
  auth: AuthSettings
  /**
   * Where the local payments service (`/payments/v1`) POSTs its Stripe-shaped webhook events,
   * e.g. `http://localhost:3001/api/payments/webhook`. Null: events are not delivered, only logged.
   */
  paymentsWebhookUrl: string | null
  /** The `whsec_…` secret that signs those events (default: PAYMENTS_WEBHOOK_SECRET_DEFAULT). */
  paymentsWebhookSecret: string
  /** Serve the Storage API at /storage/v1 (`[storage] enabled`, default true). */
  storageEnabled: boolean
  /** Largest object an upload may store, in bytes (`[storage] file_size_limit`, default 50 MiB). */
  storageFileSizeLimit: number
  /** The mail catcher's web page and API (`[inbucket] port`, where the CLI serves Mailpit): 54324. */
  mailPort: number
  /** The mail catcher's SMTP port (`[inbucket] smtp_port`): 54325. Auth sends its mail there. */
  smtpPort: number
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent'
}

export type StackConfigInput = Partial<Omit<StackConfig, 'rateLimits' | 'auth'>> & {
  rateLimits?: Partial<AuthRateLimits>
  auth?: Partial<AuthSettings>
}

/**
 * The well-known signing secret of the local payments service's webhooks: like the default JWT
 * secret, public and for local use only. `@repo/payments` keeps a copy as
 * LOCAL_PAYMENTS_WEBHOOK_SECRET_DEFAULT (it cannot depend on this package); a test there checks
 * that the two are equal.
 */
export const PAYMENTS_WEBHOOK_SECRET_DEFAULT = 'whsec_local_payments_well_known_test_secret_0000'

/** The CLI's defaults for `[auth.rate_limit]`, and 10 failed passwords per account and address. */
export const DEFAULT_RATE_LIMITS: AuthRateLimits = {
  burst: 30,
  tokenRefresh: 150,
  signInSignUps: 30,
  tokenVerifications: 30,
  anonymousUsers: 30,
  passwordFailures: 10,
}

/** The Supabase CLI's default `[storage] file_size_limit`: 50 MiB. */
export const DEFAULT_STORAGE_FILE_SIZE_LIMIT = 50 * 1024 * 1024

/** The apps of this repository in development: the CRM on 3000, the portal on 3001. */
const LOCAL_APP_ORIGINS = ['http://localhost:3000', 'http://localhost:3001']

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]']

/** `http://localhost:3000` also as `http://127.0.0.1:3000` and `http://[::1]:3000`, and so on. */
function withLoopbackAliases(origin: string): string[] {
  const url = new URL(origin)
  if (!LOOPBACK_NAMES.includes(url.hostname)) return [url.origin]
  return LOOPBACK_NAMES.map((name) => `${url.protocol}//${name}${url.port ? `:${url.port}` : ''}`)
}

function defaultCorsOrigins(siteUrl: string, redirectUrls: string[]): string[] {
  const origins = new Set<string>()
  for (const url of [siteUrl, ...redirectUrls, ...LOCAL_APP_ORIGINS]) {
    try {
      for (const origin of withLoopbackAliases(url)) origins.add(origin)
    } catch {
      // A redirect URL that is not a URL cannot be an origin either.
    }
  }
  return [...origins]
}

function listFromEnv(name: string): string[] | undefined {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return undefined
  return raw
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** Walks up from `start` to the folder that holds `supabase/config.toml` (the repo root). */
export function findProjectDir(start = process.cwd()): string {
  let dir = path.resolve(start)
  for (;;) {
    if (existsSync(path.join(dir, 'supabase', 'config.toml'))) return dir
    const parent = path.dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  // Fall back to the monorepo root this package lives in.
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
}

function intFromEnv(name: string): number | undefined {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return undefined
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`)
  }
  return value
}

function boolFromEnv(name: string): boolean | undefined {
  const raw = process.env[name]?.trim().toLowerCase()
  if (raw === undefined || raw === '') return undefined
  if (raw === 'true' || raw === '1') return true
  if (raw === 'false' || raw === '0') return false
  throw new Error(`${name} must be true or false, got "${process.env[name]}"`)
}

/** Defaults, then environment variables, then explicit overrides (CLI flags or test options). */
export function resolveConfig(overrides: StackConfigInput = {}): StackConfig {
  const projectDir =
    overrides.projectDir ?? process.env.LOCAL_SUPABASE_PROJECT_DIR ?? findProjectDir()
  const defined = Object.fromEntries(
    Object.entries(overrides).filter(([, v]) => v !== undefined),
  ) as StackConfigInput
  const project = readProjectAuthSettings(projectDir)
  const storage = readProjectStorageSettings(projectDir)
  const siteUrl =
    defined.siteUrl ??
    process.env.LOCAL_SUPABASE_SITE_URL ??
    project.siteUrl ??
    'http://localhost:3001'
  const additionalRedirectUrls =
    defined.additionalRedirectUrls ?? project.additionalRedirectUrls ?? LOCAL_APP_ORIGINS
  const passwordFailures = intFromEnv('LOCAL_SUPABASE_PASSWORD_ATTEMPTS')
  const mail = readProjectMailSettings(projectDir)
  const config: StackConfig = {
    projectDir,
    migrationsDir: path.join(projectDir, 'supabase', 'migrations'),
    seedFile: path.join(projectDir, 'supabase', 'seed.sql'),
    dataDir: process.env.LOCAL_SUPABASE_DATA_DIR ?? path.join(projectDir, '.supabase', 'local'),
    host: process.env.LOCAL_SUPABASE_HOST ?? '127.0.0.1',
    apiPort: intFromEnv('LOCAL_SUPABASE_API_PORT') ?? 54321,
    dbPort: intFromEnv('LOCAL_SUPABASE_DB_PORT') ?? 54322,
    databaseUrl: process.env.DATABASE_URL || null,
    jwtSecret: process.env.LOCAL_SUPABASE_JWT_SECRET ?? DEFAULT_JWT_SECRET,
    signingKeysPath: signingKeysFile(
      projectDir,
      process.env.LOCAL_SUPABASE_SIGNING_KEYS_PATH || project.signingKeysPath,
    ),
    publishableKey: process.env.LOCAL_SUPABASE_PUBLISHABLE_KEY || DEFAULT_PUBLISHABLE_KEY,
    secretKey: process.env.LOCAL_SUPABASE_SECRET_KEY || DEFAULT_SECRET_KEY,
    jwtExpiry: intFromEnv('LOCAL_SUPABASE_JWT_EXPIRY') ?? project.jwtExpiry ?? 3600,
    maxBodyBytes: intFromEnv('LOCAL_SUPABASE_MAX_BODY_BYTES') ?? 1024 * 1024,
    maxRows: intFromEnv('LOCAL_SUPABASE_MAX_ROWS') ?? 1000,
    statementTimeoutMs: intFromEnv('LOCAL_SUPABASE_STATEMENT_TIMEOUT_MS') ?? 8000,
    restRequireApiKey: boolFromEnv('LOCAL_SUPABASE_REST_REQUIRE_APIKEY') ?? false,
    siteUrl,
    additionalRedirectUrls,
    emailTemplates: project.emailTemplates,
    apiExternalUrl: externalUrl(process.env.LOCAL_SUPABASE_API_EXTERNAL_URL),
    corsAllowedOrigins:
      listFromEnv('LOCAL_SUPABASE_CORS_ORIGINS') ??
      defaultCorsOrigins(siteUrl, additionalRedirectUrls),
    trustedProxies: listFromEnv('LOCAL_SUPABASE_TRUSTED_PROXIES') ?? [],
    paymentsWebhookUrl: process.env.LOCAL_PAYMENTS_WEBHOOK_URL || null,
    paymentsWebhookSecret:
      process.env.LOCAL_PAYMENTS_WEBHOOK_SECRET || PAYMENTS_WEBHOOK_SECRET_DEFAULT,
    storageEnabled: storage.enabled ?? true,
    storageFileSizeLimit: storage.fileSizeLimit ?? DEFAULT_STORAGE_FILE_SIZE_LIMIT,
    mailPort: intFromEnv('LOCAL_SUPABASE_MAIL_PORT') ?? mail.port ?? 54324,
    smtpPort: intFromEnv('LOCAL_SUPABASE_SMTP_PORT') ?? mail.smtpPort ?? 54325,
    logLevel: (process.env.LOCAL_SUPABASE_LOG_LEVEL as StackConfig['logLevel']) ?? 'info',
    ...defined,
    rateLimits: validRateLimits({
      ...DEFAULT_RATE_LIMITS,
      ...withoutUndefined(project.rateLimit),
      ...(passwordFailures === undefined ? {} : { passwordFailures }),
      ...withoutUndefined(defined.rateLimits ?? {}),
    }),
    auth: {
      ...DEFAULT_AUTH_SETTINGS,
      ...project.auth,
      ...withoutUndefined(defined.auth ?? {}),
    },
  }
  validateOrigins(config.corsAllowedOrigins)
  validateApiKeys(config)
  config.signingKeysPath = signingKeysFile(projectDir, config.signingKeysPath ?? undefined)
  validatePaymentsWebhook(config)
  config.apiExternalUrl = externalUrl(config.apiExternalUrl ?? undefined)
  return config
}

/** The CLI resolves `signing_keys_path` against the `supabase/` folder; absolute paths stay. */
function signingKeysFile(projectDir: string, value: string | undefined): string | null {
  if (!value) return null
  return path.resolve(projectDir, 'supabase', value)
}

/** The new-style keys must keep their prefixes: the gateway and the clients tell them apart by it. */
function validateApiKeys(config: StackConfig): void {
  if (!/^sb_publishable_\S+$/.test(config.publishableKey)) {
    throw new Error('LOCAL_SUPABASE_PUBLISHABLE_KEY must start with "sb_publishable_"')
  }
  if (!/^sb_secret_\S+$/.test(config.secretKey)) {
    throw new Error('LOCAL_SUPABASE_SECRET_KEY must start with "sb_secret_"')
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

function validRateLimits(limits: AuthRateLimits): AuthRateLimits {
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`rate limit ${name} must be a positive integer, got ${value}`)
    }
  }
  return limits
}

/** Origins must be `scheme://host[:port]` (port `*` for any): a typo here would silently lock an app out. */
function validateOrigins(origins: string[]): void {
  for (const origin of origins) {
    const url = httpUrl(origin.replace(/:\*$/, ':1'))
    if (url?.pathname !== '/' || url.search || url.hash || url.username) {
      throw new Error(
        `LOCAL_SUPABASE_CORS_ORIGINS: "${origin}" is not an origin such as http://localhost:3000`,
      )
    }
  }
}

/** A webhook URL that is not http(s) would only fail at the first payment, far from its cause. */
function validatePaymentsWebhook(config: StackConfig): void {
  const url = config.paymentsWebhookUrl
  if (url !== null && !httpUrl(url)) {
    throw new Error(
      `LOCAL_PAYMENTS_WEBHOOK_URL: "${url}" is not a URL such as http://localhost:3001/api/payments/webhook`,
    )
  }
  if (config.paymentsWebhookSecret.trim() === '') {
    throw new Error('LOCAL_PAYMENTS_WEBHOOK_SECRET: the payments webhook secret must not be empty')
  }
}

function httpUrl(value: string): URL | null {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null
  } catch {
    return null
  }
}

function externalUrl(value: string | undefined): string | null {
  if (!value) return null
  const url = httpUrl(value)
  if (!url || url.search || url.hash) {
    throw new Error(
      `LOCAL_SUPABASE_API_EXTERNAL_URL: "${value}" is not a URL such as http://127.0.0.1:54321`,
    )
  }
  return url.toString().replace(/\/+$/, '')
}

/** The owner-level connection string the Supabase CLI prints as DB_URL. */
export function databaseUrlFor(config: StackConfig): string {
  return (
    config.databaseUrl ?? `postgresql://postgres:postgres@${config.host}:${config.dbPort}/postgres`
  )
}
