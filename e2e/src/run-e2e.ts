// Self-contained e2e run: private seeded stack -> production builds of both apps on free ports ->
// `playwright test` -> teardown. Exit code is Playwright's.
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, startTestStack } from '@repo/local-supabase/testing'
import { startWorker } from './notification-worker.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const e2eDir = path.resolve(here, '..')
const repoRoot = path.resolve(e2eDir, '..')

interface AppSpec {
  name: string
  dir: string
  urlEnv: string
}

const allApps: AppSpec[] = [
  { name: 'portal', dir: path.join(repoRoot, 'apps/portal'), urlEnv: 'PORTAL_URL' },
  { name: 'crm', dir: path.join(repoRoot, 'apps/crm'), urlEnv: 'CRM_URL' },
]

// E2E_APPS=portal runs one app only (handy while the other one is being built).
const wanted = (process.env.E2E_APPS ?? 'portal,crm').split(',').map((s) => s.trim())
const apps = allApps.filter((a) => wanted.includes(a.name))

function hasSpecs(dir: string): boolean {
  return (
    existsSync(dir) &&
    readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.e2e.ts'))
  )
}

function log(message: string) {
  process.stderr.write(`[e2e] ${message}\n`)
}

function startApp(app: AppSpec, port: number, env: NodeJS.ProcessEnv): ChildProcess {
  if (!existsSync(path.join(app.dir, '.next', 'BUILD_ID'))) {
    throw new Error(
      `${app.name} has no production build: run \`pnpm turbo run build --filter=@repo/${app.name}\` first`,
    )
  }
  const nextBin = path.join(app.dir, 'node_modules', 'next', 'dist', 'bin', 'next')
  const child = spawn(
    process.execPath,
    [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      cwd: app.dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  )
  const prefix = `[${app.name}] `
  const forward = (chunk: Buffer) => {
    if (process.env.E2E_APP_LOGS) process.stderr.write(prefix + chunk.toString())
  }
  child.stdout?.on('data', forward)
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefix + chunk.toString()))
  return child
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${url} exited with code ${child.exitCode} before it was ready`)
    try {
      const response = await fetch(url, { redirect: 'manual' })
      if (response.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000}s`)
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-(child.pid as number), 'SIGKILL')
      } catch {}
      resolve()
    }, 5000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    try {
      // The whole process group: next start spawns workers.
      process.kill(-(child.pid as number), 'SIGTERM')
    } catch {
      clearTimeout(timer)
      resolve()
    }
  })
}

async function main(): Promise<number> {
  // Ports first: the portal's address is the stack's site URL, which e-mail templates link to.
  const appUrls = new Map<AppSpec, string>()
  for (const app of apps) appUrls.set(app, `http://127.0.0.1:${await freePort()}`)
  const portal = apps.find((a) => a.name === 'portal')
  const portalUrl = portal ? (appUrls.get(portal) as string) : 'http://127.0.0.1:3001'
  const crm = apps.find((a) => a.name === 'crm')
  log('starting a private seeded stack')
  const stack = await startTestStack({
    seed: 'always',
    config: {
      corsAllowedOrigins: ['http://127.0.0.1:*'],
      siteUrl: portalUrl,
      additionalRedirectUrls: [...appUrls.values()],
      // The test checkout reports payments to the portal as Stripe would.
      paymentsWebhookUrl: `${portalUrl}/api/payments/webhook`,
    },
  })
  const children: ChildProcess[] = []
  let shuttingDown = false
  const teardown = async () => {
    if (shuttingDown) return
    shuttingDown = true
    await Promise.all(children.map(stopChild))
    await stack.stop()
  }
  const onSignal = () => {
    void teardown().then(() => process.exit(130))
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  try {
    // The notification worker sends to the stack's mail/SMS catcher (as `pnpm dev` runs it); the
    // portal checks the same secret on unsubscribe links.
    const signingSecret = randomBytes(32).toString('hex')
    log('starting the notification worker')
    const worker = startWorker({
      supabaseUrl: stack.info.API_URL,
      serviceRoleKey: stack.info.SERVICE_ROLE_KEY,
      smtpUrl: stack.info.SMTP_URL,
      mailpitUrl: stack.info.MAILPIT_URL,
      portalUrl,
      signingSecret,
    })
    // Its JSON lines only with E2E_APP_LOGS; errors always.
    worker.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString()
      if (process.env.E2E_APP_LOGS || text.includes('"level":"error"'))
        process.stderr.write(`[notify] ${text}`)
    })
    children.push(worker)
    const appEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_PUBLIC_SUPABASE_URL: stack.info.API_URL,
      NEXT_PUBLIC_SUPABASE_ANON_KEY: stack.info.ANON_KEY,
      SUPABASE_SERVICE_ROLE_KEY: stack.info.SERVICE_ROLE_KEY,
      PORTAL_URL: portalUrl,
      NOTIFICATIONS_SIGNING_SECRET: signingSecret,
      // The stack's test checkout, never a developer's Stripe account.
      STRIPE_SECRET_KEY: '',
      STRIPE_WEBHOOK_SECRET: '',
      ...(crm ? { CRM_URL: appUrls.get(crm) } : {}),
      NEXT_TELEMETRY_DISABLED: '1',
    }
    const urls: Record<string, string> = {}
    for (const app of apps) {
      const url = appUrls.get(app) as string
      log(`starting ${app.name} on ${url}`)
      const child = startApp(app, Number(new URL(url).port), appEnv)
      children.push(child)
      await waitForHttp(`${url}/auth/login`, child)
      urls[app.urlEnv] = url
    }

    const playwrightCli = path.join(e2eDir, 'node_modules', '@playwright', 'test', 'cli.js')
    // A project runs only when its folder has specs (e2e/portal, e2e/crm).
    const projects = apps
      .filter((a) => hasSpecs(path.join(e2eDir, a.name)))
      .flatMap((a) => ['--project', a.name])
    // Filters first: --project takes every name that follows it.
    const args = [playwrightCli, 'test', ...process.argv.slice(2), ...projects]
    log(`running playwright ${args.slice(2).join(' ')}`)
    const code = await new Promise<number>((resolve) => {
      const pw = spawn(process.execPath, args, {
        cwd: e2eDir,
        stdio: 'inherit',
        env: {
          ...process.env,
          ...urls,
          E2E_OUTPUT_DIR: `test-results/artifacts-${apps.map((a) => a.name).join('-')}`,
          SUPABASE_URL: stack.info.API_URL,
          SUPABASE_ANON_KEY: stack.info.ANON_KEY,
          SUPABASE_SERVICE_ROLE_KEY: stack.info.SERVICE_ROLE_KEY,
          MAILPIT_URL: stack.info.MAILPIT_URL,
          SMTP_URL: stack.info.SMTP_URL,
          NOTIFICATIONS_SIGNING_SECRET: signingSecret,
        },
      })
      pw.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)))
    })
    return code
  } finally {
    await teardown()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error))
    process.exit(1)
  },
)
