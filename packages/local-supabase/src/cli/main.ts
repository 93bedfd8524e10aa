import { parseArgs } from 'node:util'
import { createClient } from '../db/pool.ts'
import { databaseUrlFor, resolveConfig, type StackConfig, type StackConfigInput } from '../config.ts'
import { applyBootstrap } from '../db/bootstrap.ts'
import { clusterDirFor, startEmbeddedPostgres, stopLeftoverPostmaster } from '../db/embedded-postgres.ts'
import { applyMigrations, applySeed } from '../db/migrations.ts'
import { createLogger, type Logger } from '../log.ts'
import { type Stack, startStack, type StackInfo } from '../stack.ts'
import { clearState, readRunningState, writeState } from './state.ts'

const usage = `Usage: local-supabase <command> [options]

Commands:
  start       Start PostgreSQL and the APIs in the foreground (Ctrl-C stops them)
  stop        Stop a stack started with \`start\`
  status      Print the URLs and keys of the running stack
  reset       Recreate the database, apply migrations and run supabase/seed.sql
  migrate     Apply pending migrations from supabase/migrations
  gen-types   Write packages/database/src/database.types.ts from the live schema

Options:
  --api-port N     API port (default 54321, env LOCAL_SUPABASE_API_PORT)
  --db-port N      PostgreSQL port (default 54322, env LOCAL_SUPABASE_DB_PORT)
  --mail-port N    mail catcher page and API (default 54324, env LOCAL_SUPABASE_MAIL_PORT; 0: any free)
  --smtp-port N    mail catcher SMTP (default 54325, env LOCAL_SUPABASE_SMTP_PORT; 0: any free)
  --data-dir PATH  Data directory (default .supabase/local, env LOCAL_SUPABASE_DATA_DIR)
  --seed-if-new    start: run supabase/seed.sql when the database was just created
  -o, --output F   status: env | json | pretty (default pretty)

Payments (test checkout at /payments/v1), from the environment:
  LOCAL_PAYMENTS_WEBHOOK_URL     where to POST its Stripe-shaped events (default: none, logged)
  LOCAL_PAYMENTS_WEBHOOK_SECRET  their signing secret (default: the well-known local whsec_)
`

function configFrom(values: Record<string, string | boolean | undefined>): StackConfig {
  const input: StackConfigInput = {}
  const port = (name: string) => {
    const raw = values[name]
    if (typeof raw !== 'string') return undefined
    const n = Number(raw)
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--${name} must be a port number, got "${raw}"`)
    return n
  }
  input.apiPort = port('api-port')
  input.dbPort = port('db-port')
  input.mailPort = port('mail-port')
  input.smtpPort = port('smtp-port')
  if (typeof values['data-dir'] === 'string') input.dataDir = values['data-dir']
  return resolveConfig(input)
}

class UsageError extends Error {}

function printInfo(info: StackInfo, format: string): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(info, null, 2)}\n`)
    return
  }
  if (format === 'env') {
    for (const [key, value] of Object.entries(info)) process.stdout.write(`${key}=${value}\n`)
    return
  }
  const pad = (s: string) => s.padEnd(18)
  process.stdout.write(
    [
      '',
      `${pad('API URL:')}${info.API_URL}`,
      `${pad('REST URL:')}${info.REST_URL}`,
      `${pad('Realtime URL:')}${info.REALTIME_URL}`,
      `${pad('DB URL:')}${info.DB_URL}`,
      `${pad('JWT secret:')}${info.JWT_SECRET}`,
      `${pad('anon key:')}${info.ANON_KEY}`,
      `${pad('service_role key:')}${info.SERVICE_ROLE_KEY}`,
      `${pad('Publishable key:')}${info.PUBLISHABLE_KEY}`,
      `${pad('Secret key:')}${info.SECRET_KEY}`,
      `${pad('Mailpit URL:')}${info.MAILPIT_URL}`,
      '',
    ].join('\n'),
  )
}

async function start(config: StackConfig, seedIfNew: boolean, log: Logger): Promise<void> {
  const running = await readRunningState(config)
  if (running) {
    throw new Error(`A stack is already running from ${config.dataDir} (pid ${running.pid}). Use \`pnpm stack status\`.`)
  }
  let stopping = false
  let stack: Stack | null = null
  stack = await startStack(config, {
    seed: seedIfNew ? 'if-new' : 'never',
    logger: log,
    onFatal: (error) => {
      // PostgreSQL is already stopped: end the API too, say why, and exit non-zero.
      if (stopping) return
      stopping = true
      log.error('stopping: the database is gone', { error: error.message })
      void (stack?.stop() ?? Promise.resolve())
        .catch(() => undefined)
        .then(() => clearState(config))
        .finally(() => process.exit(1))
    },
  })
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info('stopping', { signal })
    await stack.stop()
    await clearState(config)
    log.info('stopped cleanly')
    process.exit(0)
  }
  // Shutdown runs in order (API, pools, PostgreSQL) and exits 0.
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  await writeState(config, { pid: process.pid, startedAt: new Date().toISOString(), info: stack.info })
  // The `supabase status -o env` names, once ready: scripts read these lines.
  printInfo(stack.info, 'env')
  log.info('local Supabase is ready', {
    api: stack.info.API_URL,
    db: stack.info.DB_URL,
    paymentsWebhook: stack.config.paymentsWebhookUrl ?? 'none (events are only logged)',
  })
}

async function stop(config: StackConfig, log: Logger): Promise<void> {
  const running = await readRunningState(config)
  if (!running) {
    // The stack's process may have been killed outright, leaving its PostgreSQL behind.
    const leftover = config.databaseUrl ? null : await stopLeftoverPostmaster(clusterDirFor(config.dataDir), log)
    if (leftover) log.info('stopped PostgreSQL left running without its stack', { pid: leftover })
    else log.info('no stack is running', { dataDir: config.dataDir })
    return
  }
  process.kill(running.pid, 'SIGTERM')
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (!(await readRunningState(config))) {
      log.info('stack stopped', { pid: running.pid })
      return
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`The stack (pid ${running.pid}) did not stop within 30 s.`)
}

/** Runs `work` against the running stack's database, or starts PostgreSQL just for it. */
async function withDatabase<T>(config: StackConfig, log: Logger, work: (url: string) => Promise<T>): Promise<T> {
  const running = await readRunningState(config)
  if (running || config.databaseUrl) return work(running?.info.DB_URL ?? databaseUrlFor(config))
  const postgres = await startEmbeddedPostgres(config, log)
  try {
    return await work(databaseUrlFor(config))
  } finally {
    await postgres.stop()
  }
}

async function migrate(config: StackConfig, log: Logger): Promise<void> {
  await withDatabase(config, log, async (url) => {
    const client = createClient(url, log, 'CLI')
    await client.connect()
    try {
      await applyBootstrap(client)
      const report = await applyMigrations(client, config.migrationsDir)
      for (const m of report.applied) log.info('applied migration', { version: m.version, name: m.name })
      log.info('migrations up to date', { applied: report.applied.length, alreadyApplied: report.skipped.length })
    } finally {
      await client.end()
    }
  })
}

async function reset(config: StackConfig, log: Logger): Promise<void> {
  await withDatabase(config, log, async (url) => {
    const target = new URL(url)
    const dbName = decodeURIComponent(target.pathname.slice(1)) || 'postgres'
    const adminUrl = new URL(url)
    adminUrl.pathname = dbName === 'template1' ? '/postgres' : '/template1'
    const admin = createClient(adminUrl.toString(), log, 'CLI')
    await admin.connect()
    try {
      // A running stack reconnects at once: shut the door first, so nothing (its replication
      // stream included) can take the slot back between the terminate and the drop below.
      await admin.query(`alter database ${admin.escapeIdentifier(dbName)} with allow_connections false`)
      // Replication slots pin the database; drop them (the realtime server recreates its own).
      // The timeout makes terminate wait until the walsender is gone and the slot is free.
      await admin.query(
        'select pg_terminate_backend(active_pid, 5000) from pg_replication_slots where database = $1 and active_pid is not null',
        [dbName],
      )
      await admin.query(
        'select pg_drop_replication_slot(slot_name) from pg_replication_slots where database = $1',
        [dbName],
      )
      await admin.query(`drop database if exists ${admin.escapeIdentifier(dbName)} with (force)`)
      await admin.query(`create database ${admin.escapeIdentifier(dbName)}`)
    } catch (error) {
      // Never leave the old database locked: it is still there when the drop did not happen.
      await admin
        .query(`alter database ${admin.escapeIdentifier(dbName)} with allow_connections true`)
        .catch(() => undefined)
      throw error
    } finally {
      await admin.end()
    }
    const client = createClient(url, log, 'CLI')
    await client.connect()
    try {
      await applyBootstrap(client)
      const report = await applyMigrations(client, config.migrationsDir)
      log.info('database recreated', { migrations: report.applied.length })
      if (await applySeed(client, config.seedFile)) log.info('loaded seed data', { file: config.seedFile })
    } finally {
      await client.end()
    }
  })
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'api-port': { type: 'string' },
      'db-port': { type: 'string' },
      'mail-port': { type: 'string' },
      'smtp-port': { type: 'string' },
      'data-dir': { type: 'string' },
      'seed-if-new': { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const command = positionals[0]
  if (values.help || !command) {
    process.stdout.write(usage)
    return
  }
  const config = configFrom(values)
  const log = createLogger(config.logLevel, 'local-supabase')
  switch (command) {
    case 'start':
      return start(config, values['seed-if-new'] === true, log)
    case 'stop':
      return stop(config, log)
    case 'status': {
      const running = await readRunningState(config)
      if (!running) {
        process.stderr.write(`No local stack is running from ${config.dataDir}. Start it with \`pnpm dev\` or \`pnpm stack start\`.\n`)
        process.exit(1)
      }
      const format = values.output ?? 'pretty'
      if (!['env', 'json', 'pretty'].includes(format)) throw new UsageError(`-o must be env, json or pretty, got "${format}"`)
      printInfo(running.info, format)
      return
    }
    case 'migrate':
      return migrate(config, log)
    case 'reset':
      return reset(config, log)
    case 'gen-types': {
      const { generateTypes } = await import('./gen-types.ts')
      return withDatabase(config, log, (url) => generateTypes(config, url, log))
    }
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${usage}`)
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`local-supabase: ${(error as Error).message ?? String(error)}\n`)
  process.exit(error instanceof UsageError ? 2 : 1)
})
