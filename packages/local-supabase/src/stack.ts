import { createAuthService, MAILBOX_PATH } from './auth/index.ts'
import { databaseUrlFor, resolveConfig, type StackConfig, type StackConfigInput } from './config.ts'
import { startCronScheduler } from './cron/scheduler.ts'
import { applyBootstrap } from './db/bootstrap.ts'
import { startEmbeddedPostgres, type RunningPostgres } from './db/embedded-postgres.ts'
import { createPool } from './db/pool.ts'
import { applyMigrations, applySeed, type MigrationReport } from './db/migrations.ts'
import { createCorsPolicy } from './http/cors-origins.ts'
import { startApiServer } from './http/server.ts'
import type { HttpService, ServiceContext } from './http/service.ts'
import { createJwtTools } from './jwt.ts'
import { apiKeysFor } from './keys.ts'
import { importSigningKeys, readSigningKeysFile } from './signing-keys.ts'
import { createLogger, type Logger } from './log.ts'
import { type MailCatcher, startMailCatcher } from './mail/index.ts'
import { createPaymentsService } from './payments/index.ts'
import { createRealtimeService } from './realtime/index.ts'
import { createRestService } from './rest/index.ts'
import { createStorageService } from './storage/index.ts'

/** The names `supabase status -o env` prints, with this stack's values. */
export interface StackInfo {
  API_URL: string
  REST_URL: string
  REALTIME_URL: string
  DB_URL: string
  ANON_KEY: string
  SERVICE_ROLE_KEY: string
  /** `sb_publishable_…`: works wherever ANON_KEY does. */
  PUBLISHABLE_KEY: string
  /** `sb_secret_…`: works wherever SERVICE_ROLE_KEY does, except from a browser. */
  SECRET_KEY: string
  JWT_SECRET: string
  /** The mail and SMS catcher's page and API (the CLI's Mailpit URL). */
  MAILPIT_URL: string
  /** The same URL under the name older CLIs print. */
  INBUCKET_URL: string
  /** Where the catcher takes SMTP (`smtp://host:port`; this stack's own name). */
  SMTP_URL: string
}

export interface Stack {
  config: StackConfig
  info: StackInfo
  /** The migrations applied by this start (empty when nothing was pending). */
  migrations: MigrationReport
  seeded: boolean
  stop(): Promise<void>
}

export interface StartOptions {
  /** Apply pending migrations on start (default true). */
  migrate?: boolean
  /** Run supabase/seed.sql: 'if-new' only when the cluster was just created (default 'never'). */
  seed?: 'always' | 'if-new' | 'never'
  logger?: Logger
  /**
   * Called when the embedded PostgreSQL died and could not be restarted (it is stopped by then);
   * the CLI exits non-zero. Default: logged only.
   */
  onFatal?: (error: Error) => void
}

/** Brings up Postgres (embedded or DATABASE_URL), bootstraps it, migrates, and serves the APIs. */
export async function startStack(
  input: StackConfigInput = {},
  options: StartOptions = {},
): Promise<Stack> {
  const config = resolveConfig(input)
  const log = options.logger ?? createLogger(config.logLevel)
  // A broken signing keys file stops the start before anything runs.
  const signingKeys = config.signingKeysPath
    ? await importSigningKeys(readSigningKeysFile(config.signingKeysPath))
    : []
  const jwt = createJwtTools({ secret: config.jwtSecret, signingKeys })
  let postgres: RunningPostgres | null = null
  if (!config.databaseUrl) {
    postgres = await startEmbeddedPostgres(config, log, { onFatal: options.onFatal })
  }
  const databaseUrl = databaseUrlFor(config)
  const pool = createPool({ name: 'stack', connectionString: databaseUrl, max: 20 }, log)
  const services: HttpService[] = []
  let mail: MailCatcher | null = null
  try {
    const client = await pool.connect()
    let migrations: MigrationReport = { applied: [], skipped: [] }
    let seeded = false
    try {
      await applyBootstrap(client)
      if (options.migrate ?? true) migrations = await applyMigrations(client, config.migrationsDir)
      const seed = options.seed ?? 'never'
      if (seed === 'always' || (seed === 'if-new' && postgres?.fresh)) {
        seeded = await applySeed(client, config.seedFile)
      }
    } finally {
      client.release()
    }
    for (const m of migrations.applied)
      log.info('applied migration', { version: m.version, name: m.name })
    if (seeded) log.info('loaded seed data', { file: config.seedFile })

    const keys = await apiKeysFor({
      jwtSecret: config.jwtSecret,
      signingKeys,
      publishableKey: config.publishableKey,
      secretKey: config.secretKey,
    })
    const ctx: ServiceContext = { config, pool, databaseUrl, jwt, keys, log }
    mail = await startMailCatcher({
      host: config.host,
      httpPort: config.mailPort,
      smtpPort: config.smtpPort,
      log: log.child('mail'),
    })
    const catcher = mail
    services.push(
      await createAuthService({ ...ctx, log: log.child('auth') }, catcher),
      await createRestService({ ...ctx, log: log.child('rest') }),
      await createRealtimeService({ ...ctx, log: log.child('realtime') }),
      createPaymentsService({ ...ctx, log: log.child('payments') }),
    )
    if (config.storageEnabled)
      services.push(await createStorageService({ ...ctx, log: log.child('storage') }))
    // The dev mailbox is for the developer's own tools, never for a page in a browser.
    const cors = createCorsPolicy(config.corsAllowedOrigins, { exemptPaths: [MAILBOX_PATH] })
    const server = await startApiServer(services, config.host, config.apiPort, log, cors, keys)
    const apiUrl = `http://${config.host}:${server.port}`
    const cron = startCronScheduler(pool, log.child('cron'))
    const info: StackInfo = {
      API_URL: apiUrl,
      REST_URL: `${apiUrl}/rest/v1`,
      REALTIME_URL: `${apiUrl.replace(/^http/, 'ws')}/realtime/v1`,
      DB_URL: databaseUrl,
      ANON_KEY: keys.anonKey,
      SERVICE_ROLE_KEY: keys.serviceRoleKey,
      PUBLISHABLE_KEY: keys.publishableKey,
      SECRET_KEY: keys.secretKey,
      MAILPIT_URL: catcher.url,
      INBUCKET_URL: catcher.url,
      SMTP_URL: `smtp://${catcher.smtpHost}:${catcher.smtpPort}`,
      // Last: scripts read `status -o env` until this line.
      JWT_SECRET: config.jwtSecret,
    }
    let stopped: Promise<void> | null = null
    return {
      config: { ...config, apiPort: server.port, mailPort: catcher.httpPort, smtpPort: catcher.smtpPort },
      info,
      migrations,
      seeded,
      stop: () => {
        stopped ??= (async () => {
          await server.close()
          await cron.close()
          for (const service of services) await service.close?.()
          await catcher.close()
          await pool.end()
          await postgres?.stop()
        })()
        return stopped
      },
    }
  } catch (error) {
    for (const service of services) await service.close?.().catch(() => undefined)
    await mail?.close().catch(() => undefined)
    await pool.end().catch(() => undefined)
    await postgres?.stop().catch(() => undefined)
    throw error
  }
}
