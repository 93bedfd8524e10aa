import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_JWT_SECRET } from './keys.ts'

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
  /** Access-token lifetime in seconds (GoTrue's JWT_EXP). */
  jwtExpiry: number
  /** Largest request body the API accepts, in bytes. */
  maxBodyBytes: number
  /** Most rows one REST read may return (PostgREST's db-max-rows); null for no cap. */
  maxRows: number | null
  /** Per-request statement timeout for the REST API, in milliseconds. */
  statementTimeoutMs: number
  /** Site URL used for e-mail links (GoTrue's SITE_URL). */
  siteUrl: string
  /** Extra redirect URLs allowed in e-mail links. */
  additionalRedirectUrls: string[]
  /** Failed password attempts allowed per e-mail in `rateLimitWindowMs`. */
  passwordAttemptsPerWindow: number
  rateLimitWindowMs: number
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent'
}

export type StackConfigInput = Partial<StackConfig>

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

/** Defaults, then environment variables, then explicit overrides (CLI flags or test options). */
export function resolveConfig(overrides: StackConfigInput = {}): StackConfig {
  const projectDir = overrides.projectDir ?? process.env.LOCAL_SUPABASE_PROJECT_DIR ?? findProjectDir()
  const defined = Object.fromEntries(
    Object.entries(overrides).filter(([, v]) => v !== undefined),
  ) as StackConfigInput
  const siteUrl = process.env.LOCAL_SUPABASE_SITE_URL ?? 'http://localhost:3001'
  return {
    projectDir,
    migrationsDir: path.join(projectDir, 'supabase', 'migrations'),
    seedFile: path.join(projectDir, 'supabase', 'seed.sql'),
    dataDir: process.env.LOCAL_SUPABASE_DATA_DIR ?? path.join(projectDir, '.supabase', 'local'),
    host: process.env.LOCAL_SUPABASE_HOST ?? '127.0.0.1',
    apiPort: intFromEnv('LOCAL_SUPABASE_API_PORT') ?? 54321,
    dbPort: intFromEnv('LOCAL_SUPABASE_DB_PORT') ?? 54322,
    databaseUrl: process.env.DATABASE_URL || null,
    jwtSecret: process.env.LOCAL_SUPABASE_JWT_SECRET ?? DEFAULT_JWT_SECRET,
    jwtExpiry: intFromEnv('LOCAL_SUPABASE_JWT_EXPIRY') ?? 3600,
    maxBodyBytes: intFromEnv('LOCAL_SUPABASE_MAX_BODY_BYTES') ?? 1024 * 1024,
    maxRows: intFromEnv('LOCAL_SUPABASE_MAX_ROWS') ?? 1000,
    statementTimeoutMs: intFromEnv('LOCAL_SUPABASE_STATEMENT_TIMEOUT_MS') ?? 8000,
    siteUrl,
    additionalRedirectUrls: ['http://localhost:3000', 'http://localhost:3001'],
    passwordAttemptsPerWindow: intFromEnv('LOCAL_SUPABASE_PASSWORD_ATTEMPTS') ?? 30,
    rateLimitWindowMs: 5 * 60 * 1000,
    logLevel: (process.env.LOCAL_SUPABASE_LOG_LEVEL as StackConfig['logLevel']) ?? 'info',
    ...defined,
  }
}

/** The owner-level connection string the Supabase CLI prints as DB_URL. */
export function databaseUrlFor(config: StackConfig): string {
  return config.databaseUrl ?? `postgresql://postgres:postgres@${config.host}:${config.dbPort}/postgres`
}
