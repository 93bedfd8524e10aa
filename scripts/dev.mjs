#!/usr/bin/env node
// `pnpm dev`: the local Supabase stack (migrated and, the first time, seeded), then both apps,
// then the URLs and demo logins. Ctrl-C stops everything in order.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const children = []
let shuttingDown = false

function start(name, command, args, env) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  const prefix = (line) => `${`[${name}]`.padEnd(10)} ${line}\n`
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = ''
    stream.on('data', (chunk) => {
      buffered += chunk.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) process.stderr.write(prefix(line))
    })
  }
  child.on('exit', (code) => {
    if (!shuttingDown) {
      process.stderr.write(prefix(`exited with code ${code}; stopping the rest`))
      void shutdown(code ?? 1)
    }
  })
  children.push(child)
  return child
}

async function shutdown(code = 0) {
  shuttingDown = true
  // Apps first, the stack last, so Postgres stops cleanly after its clients.
  for (const child of [...children].reverse()) {
    if (child.exitCode !== null) continue
    child.kill('SIGTERM')
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 15_000)
      child.once('exit', () => {
        clearTimeout(timer)
        resolve()
      })
    })
  }
  process.exit(code)
}
process.on('SIGINT', () => void shutdown(0))
process.on('SIGTERM', () => void shutdown(0))

const PAYMENTS_WEBHOOK_URL = 'http://localhost:3001/api/payments/webhook'

function startStack() {
  return new Promise((resolve, reject) => {
    const bin = path.join(root, 'packages/local-supabase/bin/local-supabase.js')
    const child = spawn(process.execPath, [bin, 'start', '--seed-if-new'], {
      cwd: root,
      // The test checkout (/payments/v1) reports payments to the portal's webhook route.
      env: {
        ...process.env,
        LOCAL_PAYMENTS_WEBHOOK_URL: process.env.LOCAL_PAYMENTS_WEBHOOK_URL || PAYMENTS_WEBHOOK_URL,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    children.push(child)
    let out = ''
    child.stdout.on('data', (chunk) => {
      out += chunk.toString()
      if (out.includes('JWT_SECRET=')) {
        resolve(Object.fromEntries(out.trim().split('\n').map((l) => l.split(/=(.*)/s).slice(0, 2))))
      }
    })
    child.on('exit', (code) => {
      if (!shuttingDown) {
        reject(new Error(`the local stack exited with code ${code} (see the lines above)`))
      }
    })
  })
}

const hosted = process.env.NEXT_PUBLIC_SUPABASE_URL && !/127\.0\.0\.1|localhost/.test(process.env.NEXT_PUBLIC_SUPABASE_URL)
let env
if (hosted) {
  process.stderr.write(`Using the Supabase project at ${process.env.NEXT_PUBLIC_SUPABASE_URL} (no local stack).\n`)
  env = {}
} else {
  const stack = await startStack().catch((error) => {
    process.stderr.write(`\n${error.message}\n`)
    process.exit(1)
  })
  env = {
    NEXT_PUBLIC_SUPABASE_URL: stack.API_URL,
    NEXT_PUBLIC_SUPABASE_ANON_KEY: stack.ANON_KEY,
    SUPABASE_SERVICE_ROLE_KEY: stack.SERVICE_ROLE_KEY,
    MAILPIT_URL: stack.MAILPIT_URL,
    SMTP_URL: stack.SMTP_URL,
  }
}

// Signs the unsubscribe links of notification e-mails (worker) and checks them (portal); a
// well-known value is fine on this machine, production sets its own (docs/DEPLOY.md).
env.NOTIFICATIONS_SIGNING_SECRET ||= process.env.NOTIFICATIONS_SIGNING_SECRET || 'local-development-notifications-signing-secret'

// The notification worker: e-mails over SMTP to the catcher, texts to its SMS list.
if (!hosted || process.env.SMTP_URL) {
  start('notify', 'pnpm', ['--dir', 'packages/notifications', 'exec', 'tsx', 'src/bin/worker.ts'], {
    ...env,
    SUPABASE_URL: env.NEXT_PUBLIC_SUPABASE_URL ?? process.env.NEXT_PUBLIC_SUPABASE_URL,
  })
}

for (const [name, dir, port] of [['crm', 'apps/crm', 3000], ['portal', 'apps/portal', 3001]]) {
  if (!existsSync(path.join(root, dir, 'package.json'))) continue
  start(name, 'pnpm', ['--dir', dir, 'exec', 'next', 'dev', '--port', String(port)], env)
}

process.stdout.write(`
  Home-services portal + CRM are starting (first page loads compile, give them a few seconds):

    Staff CRM         http://localhost:3000   owner@dirtfree.test / password123
                                              office@dirtfree.test / password123
                                              tech@dirtfree.test / password123
    A new business    http://localhost:3000/auth/sign-up
    Customer portal   http://localhost:3001   alice@example.com / password123
                                              bob@example.com / password123
${hosted ? '' : `    Supabase API      ${env.NEXT_PUBLIC_SUPABASE_URL}
    PostgreSQL        postgresql://postgres:postgres@127.0.0.1:54322/postgres
    Mail and SMS      ${env.MAILPIT_URL}   (SMTP ${env.SMTP_URL})
    Test payments     card 4242 4242 4242 4242, any future expiry and CVC (no STRIPE_SECRET_KEY)
`}
  Ctrl-C stops everything.
`)
