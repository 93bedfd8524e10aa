import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'smol-toml'
import { parseByteSize } from './storage/limits.ts'
import { TEMPLATE_NAMES, type TemplateName, type TemplateSetting } from './auth/email-templates.ts'
import type { AuthSettings } from './config.ts'

/** The Auth settings of `supabase/config.toml` this stack honours, as the Supabase CLI names them. */
export interface ProjectAuthSettings {
  siteUrl?: string
  additionalRedirectUrls?: string[]
  /** `signing_keys_path`: a JSON array of JWKs, relative to the `supabase/` folder (as the CLI reads it). */
  signingKeysPath?: string
  /** `[auth.rate_limit]`: per client address; see `AuthRateLimits` in config.ts. */
  rateLimit: {
    tokenRefresh?: number
    signInSignUps?: number
    tokenVerifications?: number
    anonymousUsers?: number
  }
  /** `[auth.email.template.<name>]`: `subject` and `content_path` per kind of mail. */
  emailTemplates: Partial<Record<TemplateName, TemplateSetting>>
  /** `[auth]` and `[auth.email]` switches; see `AuthSettings` in config.ts. */
  auth: Partial<AuthSettings>
  /** `[auth] jwt_expiry`: access-token lifetime in seconds. */
  jwtExpiry?: number
}

type Table = Record<string, unknown>

const isTable = (value: unknown): value is Table =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function field<T>(
  table: Table,
  key: string,
  where: string,
  check: (v: unknown) => v is T,
): T | undefined {
  const value = table[key]
  if (value === undefined) return undefined
  if (!check(value)) throw new Error(`supabase/config.toml: ${where}.${key} has the wrong type`)
  return value
}

const isString = (v: unknown): v is string => typeof v === 'string'
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString)
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1
const isSeconds = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean'

/** The project's `supabase/config.toml` as a table (missing file: null); a broken file is an error. */
function readConfigToml(projectDir: string): Table | null {
  const file = path.join(projectDir, 'supabase', 'config.toml')
  if (!existsSync(file)) return null
  try {
    return parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`${file} is not valid TOML: ${(error as Error).message}`)
  }
}

/** `[storage]` as the Supabase CLI names it: `enabled` and `file_size_limit` ("50MiB"). */
export interface ProjectStorageSettings {
  enabled?: boolean
  fileSizeLimit?: number
}

export function readProjectStorageSettings(projectDir: string): ProjectStorageSettings {
  const root = readConfigToml(projectDir)
  const storage = root && isTable(root.storage) ? root.storage : {}
  const limit = storage.file_size_limit
  const fileSizeLimit = limit === undefined ? undefined : parseByteSize(limit)
  if (fileSizeLimit === null) {
    throw new Error('supabase/config.toml: storage.file_size_limit must be a size such as "50MiB"')
  }
  return {
    enabled: field(storage, 'enabled', 'storage', (v): v is boolean => typeof v === 'boolean'),
    fileSizeLimit,
  }
}

/** Reads the project's `supabase/config.toml` (missing file: nothing set); a broken file is an error. */
export function readProjectAuthSettings(projectDir: string): ProjectAuthSettings {
  const root = readConfigToml(projectDir)
  if (!root) return { rateLimit: {}, emailTemplates: {}, auth: {} }
  const auth = isTable(root.auth) ? root.auth : {}
  const limits = isTable(auth.rate_limit) ? auth.rate_limit : {}
  const where = 'auth.rate_limit'
  return {
    emailTemplates: readEmailTemplates(auth),
    auth: readSwitches(auth),
    jwtExpiry: field(auth, 'jwt_expiry', 'auth', isCount),
    siteUrl: field(auth, 'site_url', 'auth', isString),
    additionalRedirectUrls: field(auth, 'additional_redirect_urls', 'auth', isStringList),
    signingKeysPath: field(auth, 'signing_keys_path', 'auth', isString) || undefined,
    rateLimit: {
      tokenRefresh: field(limits, 'token_refresh', where, isCount),
      signInSignUps: field(limits, 'sign_in_sign_ups', where, isCount),
      tokenVerifications: field(limits, 'token_verifications', where, isCount),
      anonymousUsers: field(limits, 'anonymous_users', where, isCount),
    },
  }
}

/** The CLI's names: `[auth] enable_signup`, `[auth.email] enable_confirmations` and so on. */
function readSwitches(auth: Table): Partial<AuthSettings> {
  const email = isTable(auth.email) ? auth.email : {}
  const settings: Partial<AuthSettings> = {
    enableSignup: field(auth, 'enable_signup', 'auth', isBoolean),
    enableAnonymousSignIns: field(auth, 'enable_anonymous_sign_ins', 'auth', isBoolean),
    refreshTokenRotation: field(auth, 'enable_refresh_token_rotation', 'auth', isBoolean),
    refreshTokenReuseInterval: field(auth, 'refresh_token_reuse_interval', 'auth', isSeconds),
    emailEnabled: field(email, 'enable_signup', 'auth.email', isBoolean),
    emailConfirmations: field(email, 'enable_confirmations', 'auth.email', isBoolean),
    secureEmailChange: field(email, 'double_confirm_changes', 'auth.email', isBoolean),
  }
  return Object.fromEntries(
    Object.entries(settings).filter(([, v]) => v !== undefined),
  ) as Partial<AuthSettings>
}

function readEmailTemplates(auth: Table): Partial<Record<TemplateName, TemplateSetting>> {
  const email = isTable(auth.email) ? auth.email : {}
  const templates = isTable(email.template) ? email.template : {}
  const settings: Partial<Record<TemplateName, TemplateSetting>> = {}
  for (const key of Object.keys(templates)) {
    const name = TEMPLATE_NAMES.find((n) => n === key)
    if (!name) {
      throw new Error(
        `supabase/config.toml: auth.email.template.${key} is not a template Auth sends (one of ${TEMPLATE_NAMES.join(', ')})`,
      )
    }
    const table = templates[key]
    if (!isTable(table))
      throw new Error(`supabase/config.toml: auth.email.template.${key} must be a table`)
    const where = `auth.email.template.${key}`
    settings[name] = {
      subject: field(table, 'subject', where, isString),
      contentPath: field(table, 'content_path', where, isString),
    }
  }
  return settings
}

/** `[inbucket]`: where the Supabase CLI serves Mailpit (`port`) and its SMTP (`smtp_port`). */
export function readProjectMailSettings(projectDir: string): { port?: number; smtpPort?: number } {
  const root = readConfigToml(projectDir)
  const inbucket = root && isTable(root.inbucket) ? root.inbucket : {}
  return {
    port: field(inbucket, 'port', 'inbucket', isCount),
    smtpPort: field(inbucket, 'smtp_port', 'inbucket', isCount),
  }
}
