// The notification worker (packages/notifications) as the e2e run uses it: one process beside the
// apps for the whole run (as `pnpm dev` starts it), and single rounds "as of" a later time for the
// stories that wait a day (a reminder) or hours (a review request). Production runs the same file.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const packageDir = path.join(repoRoot, 'packages', 'notifications')
const script = path.join(packageDir, 'src', 'bin', 'worker.ts')

export interface WorkerSettings {
  supabaseUrl: string
  serviceRoleKey: string
  smtpUrl: string
  mailpitUrl: string
  portalUrl: string
  signingSecret: string
}

function env(settings: WorkerSettings): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    SUPABASE_URL: settings.supabaseUrl,
    SUPABASE_SECRET_KEY: settings.serviceRoleKey,
    SMTP_URL: settings.smtpUrl,
    MAILPIT_URL: settings.mailpitUrl,
    PORTAL_URL: settings.portalUrl,
    NOTIFICATIONS_SIGNING_SECRET: settings.signingSecret,
    NOTIFICATIONS_FROM: 'notifications@dirtfree.test',
  }
}

/** The always-on worker, in its own process group (so the runner can stop it whole). */
export function startWorker(settings: WorkerSettings): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: packageDir,
    env: env(settings),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
}

/** One claim-send round as if it were `asOf` (rows due by then go out now), then exits. */
export function runRoundAsOf(settings: WorkerSettings, asOf: Date): void {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', script, '--once', '--as-of', asOf.toISOString()],
    {
      cwd: packageDir,
      env: env(settings),
      encoding: 'utf8',
      timeout: 60_000,
    },
  )
  if (result.status !== 0)
    throw new Error(`notification round failed (${result.status}): ${result.stderr.slice(-2000)}`)
}
