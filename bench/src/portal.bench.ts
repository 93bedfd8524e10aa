// The portal's server under load: 200 distinct signed-in customers (real accounts, real
// @supabase/ssr session cookies from a password sign-in) request their dashboard and one of their
// appointments against the portal's production build (the package's own `start` script), at 10, 50
// and 200 concurrent customers; then 200 refreshes fired at the same instant, as when one realtime
// event reaches 200 open portals and each calls router.refresh(). A response counts only when it
// is 200 and carries the customer's own name. The stack signs tokens with an ES256 signing key, as
// new hosted projects do. Needs a build first: `pnpm turbo run build --filter=@repo/portal`.
//
// PORTAL_BENCH_SECONDS (default 15) sets the length of each run; PORTAL_BENCH_CPU_PROF=<dir> starts
// the portal with `--cpu-prof` and leaves its profiles there; PORTAL_BENCH_APP_DIR=<dir> measures
// another checkout's portal (to compare two builds under the same conditions).
import { type ChildProcess, spawn } from 'node:child_process'
import { generateKeyPairSync, randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { freePort, startTestStack, tempDir } from '@repo/local-supabase/testing'
import { createServerClient } from '@supabase/ssr'
import pg from 'pg'

const CUSTOMERS = 200
const CONCURRENCY = [10, 50, 200]
const SECONDS = Number(process.env.PORTAL_BENCH_SECONDS ?? 15)
const BURST_ROUNDS = 3
const ORG = '10000000-0000-4000-8000-000000000001'
const PASSWORD = 'bench-password-123'
const portalDir = process.env.PORTAL_BENCH_APP_DIR
  ? path.resolve(process.env.PORTAL_BENCH_APP_DIR)
  : fileURLToPath(new URL('../../apps/portal/', import.meta.url))
const require = createRequire(import.meta.url)

interface Customer {
  name: string
  cookie: string
  jobId: string
}

/** One ES256 private JWK, as `supabase gen signing-key --algorithm ES256` writes it. */
async function writeSigningKeys(dir: string): Promise<string> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'ES256' }
  const file = path.join(dir, 'signing_keys.json')
  await writeFile(file, JSON.stringify([jwk]))
  return file
}

async function inBatches<T, R>(
  items: T[],
  size: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map(fn))))
  return out
}

/** CPU seconds (user + system) of every process in the portal's process group. */
async function groupCpuSeconds(pgid: number): Promise<number> {
  const ticks = 100 // USER_HZ on Linux
  let total = 0
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // After the command: state(0) ppid(1) pgrp(2) … utime(11) stime(12)
    if (Number(fields[2]) !== pgid) continue
    total += (Number(fields[11]) + Number(fields[12])) / ticks
  }
  return total
}

/** Busy CPU seconds of the whole machine (every core, every process: other work included). */
async function machineBusySeconds(): Promise<number> {
  const cpu =
    (await readFile('/proc/stat', 'utf8')).split('\n')[0]?.split(/\s+/).slice(1).map(Number) ?? []
  // user nice system idle iowait irq softirq steal
  const busy = cpu.reduce((a, b) => a + b, 0) - (cpu[3] ?? 0) - (cpu[4] ?? 0)
  return busy / 100
}

function startPortal(port: number, env: NodeJS.ProcessEnv): ChildProcess {
  if (!existsSync(path.join(portalDir, '.next', 'BUILD_ID'))) {
    throw new Error(
      'the portal has no production build: run `pnpm turbo run build --filter=@repo/portal` first',
    )
  }
  // The package's own start script (what production runs), on a free port.
  const child = spawn(
    'pnpm',
    ['run', '--silent', 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      cwd: portalDir,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    },
  )
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[portal] ${chunk}`))
  return child
}

async function waitForHttp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the portal exited with code ${child.exitCode}`)
    const ok = await fetch(url, { redirect: 'manual' }).then(
      (r) => r.status < 500,
      () => false,
    )
    if (ok) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${url} was not ready within 60 s`)
}

async function stopPortal(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return
  const exited = new Promise((r) => child.once('exit', r))
  process.kill(-child.pid, 'SIGTERM')
  const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

/** Customers with a portal login, a few jobs and an open invoice each; their session cookies. */
async function createCustomers(
  stack: Awaited<ReturnType<typeof startTestStack>>,
): Promise<Customer[]> {
  const api = stack.info.API_URL
  const admin = {
    apikey: stack.info.SERVICE_ROLE_KEY,
    authorization: `Bearer ${stack.info.SERVICE_ROLE_KEY}`,
  }
  const indexes = Array.from({ length: CUSTOMERS }, (_, i) => i + 1)
  const userIds = await inBatches(indexes, 8, async (i) => {
    const res = await fetch(`${api}/auth/v1/admin/users`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `load${i}@bench.test`,
        password: PASSWORD,
        email_confirm: true,
      }),
    })
    if (!res.ok) throw new Error(`creating a user failed: ${res.status} ${await res.text()}`)
    return ((await res.json()) as { id: string }).id
  })
  const db = new pg.Client({ connectionString: stack.info.DB_URL })
  await db.connect()
  const jobIds: string[] = []
  try {
    for (const [k, i] of indexes.entries()) {
      const pad = String(i).padStart(3, '0')
      const { rows } = await db.query<{ id: string }>(
        `insert into public.customers (organization_id, portal_user_id, first_name, last_name, email)
         values ($1, $2, $3, $4, $5) returning id`,
        [ORG, userIds[k], `Pat${pad}`, `Loadtest${pad}`, `load${i}@bench.test`],
      )
      const customerId = (rows[0] as { id: string }).id
      const jobs = await db.query<{ id: string }>(
        `insert into public.jobs (organization_id, customer_id, title, status, scheduled_start, scheduled_end, price_cents)
         values ($1, $2, 'Carpet cleaning', 'scheduled', now() + interval '2 days', now() + interval '2 days 2 hours', 14900),
                ($1, $2, 'Upholstery cleaning', 'scheduled', now() + interval '9 days', now() + interval '9 days 1 hour', 9900),
                ($1, $2, 'Tile & grout', 'completed', now() - interval '20 days', now() - interval '20 days' + interval '2 hours', 12900)
         returning id`,
        [ORG, customerId],
      )
      jobIds.push((jobs.rows[0] as { id: string }).id)
      const invoice = await db.query<{ id: string }>(
        `insert into public.invoices (organization_id, customer_id, status, issued_at, due_at)
         values ($1, $2, 'sent', now() - interval '3 days', now() + interval '11 days') returning id`,
        [ORG, customerId],
      )
      await db.query(
        `insert into public.invoice_line_items (invoice_id, description, quantity, unit_price_cents, position)
         values ($1, 'Tile & grout', 1, 12900, 1)`,
        [(invoice.rows[0] as { id: string }).id],
      )
    }
  } finally {
    await db.end()
  }
  // Sign in as the portal does (@supabase/ssr, password grant) and keep the cookies it sets.
  const cookies = await inBatches(indexes, 8, async (i) => {
    const jar = new Map<string, string>()
    const client = createServerClient(api, stack.info.ANON_KEY, {
      cookies: {
        getAll: () => [...jar].map(([name, value]) => ({ name, value })),
        setAll: (set) => {
          for (const { name, value } of set) value ? jar.set(name, value) : jar.delete(name)
        },
      },
    })
    const { error } = await client.auth.signInWithPassword({
      email: `load${i}@bench.test`,
      password: PASSWORD,
    })
    if (error) throw error
    return [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
  })
  return indexes.map((i, k) => {
    const pad = String(i).padStart(3, '0')
    return {
      name: `Pat${pad} Loadtest${pad}`,
      cookie: cookies[k] as string,
      jobId: jobIds[k] as string,
    }
  })
}

/**
 * autocannon in a worker thread (the stack runs on this thread's event loop). A connection is a
 * customer's browser tab: it asks for the dashboard and then that customer's appointment, then the
 * next customer in turn takes the connection, so all 200 cookies are in play at every concurrency.
 */
const LOAD_WORKER = `
const { parentPort, workerData: job } = require('node:worker_threads')
const autocannon = require(job.autocannon)
let next = 0
const samples = []
let good = 0, bad = 0
const check = (status, body, context, expected) => {
  if (status === 200 && body.includes(expected)) good += 1
  else bad += 1
  if (context.t0 !== undefined) samples.push(performance.now() - context.t0)
}
// The floor row asks every customer for a page with no data of its own (the proxy still verifies
// the session), so what it costs is the framework's share of every page.
const pages = job.floor
  ? [{ path: () => '/auth/error', shows: () => 'This link has expired' }]
  : [
      { path: () => '/', shows: (customer) => customer.name },
      { path: (customer) => '/appointments/' + customer.jobId, shows: (customer) => customer.name },
    ]
autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.seconds,
  timeout: 30,
  requests: pages.map((page, i) => ({
    setupRequest: (req, context) => {
      if (i === 0) context.customer = job.customers[next++ % job.customers.length]
      context.t0 = performance.now()
      return { ...req, path: page.path(context.customer), headers: { cookie: context.customer.cookie } }
    },
    onResponse: (status, body, context) => check(status, body, context, page.shows(context.customer)),
  })),
}).then((result) => parentPort.postMessage({ samples, good, bad, errors: result.errors, timeouts: result.timeouts }))
`

/** Every customer's refresh of the dashboard (an RSC request, as router.refresh() sends) at once. */
const BURST_WORKER = `
const http = require('node:http')
const { parentPort, workerData: job } = require('node:worker_threads')
const agent = new http.Agent({ keepAlive: true, maxSockets: job.customers.length })
const get = (customer) => new Promise((resolve) => {
  const req = http.get(job.url, { agent, headers: { cookie: customer.cookie, rsc: '1' } }, (res) => {
    let body = ''
    res.setEncoding('utf8')
    res.on('data', (c) => { body += c })
    res.on('end', () =>
      resolve(res.statusCode !== 200 ? 'HTTP ' + res.statusCode : body.includes(customer.name) ? 'ok' : 'not their page'))
  })
  req.on('error', (error) => resolve(error.code || error.message))
})
;(async () => {
  // Open the connections first, so the burst measures the server and not TCP set-up.
  await Promise.all(job.customers.map(get))
  const t0 = performance.now()
  const outcomes = await Promise.all(job.customers.map(get))
  const failures = {}
  for (const outcome of outcomes) if (outcome !== 'ok') failures[outcome] = (failures[outcome] || 0) + 1
  parentPort.postMessage({ ms: performance.now() - t0, good: outcomes.filter((o) => o === 'ok').length, failures })
  agent.destroy()
})()
`

function runWorker<T>(source: string, workerData: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData })
    worker.once('message', (value: T) => {
      resolve(value)
      void worker.terminate()
    })
    worker.once('error', reject)
  })
}

const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number)
    : Number.NaN

export async function run(): Promise<void> {
  const dir = await tempDir('portal-bench-')
  const stack = await startTestStack({
    seed: 'always',
    config: { signingKeysPath: await writeSigningKeys(dir), logLevel: 'warn' },
  })
  let portal: ChildProcess | undefined
  try {
    const customers = await createCustomers(stack)
    const port = await freePort()
    const url = `http://127.0.0.1:${port}`
    const profDir = process.env.PORTAL_BENCH_CPU_PROF
    portal = startPortal(port, {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_PUBLIC_SUPABASE_URL: stack.info.API_URL,
      NEXT_PUBLIC_SUPABASE_ANON_KEY: stack.info.ANON_KEY,
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'warn',
      ...(profDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(profDir)}` } : {}),
    })
    await waitForHttp(`${url}/auth/login`, portal)
    const pgid = portal.pid as number
    // Warm up: every customer once, both pages, and check they are what the customer should see.
    const warm = await runWorker<{ good: number; bad: number }>(LOAD_WORKER, {
      autocannon: require.resolve('autocannon'),
      url,
      connections: 10,
      seconds: 5,
      customers,
    })
    if (warm.good === 0)
      throw new Error('no dashboard rendered during warm-up: is the build current?')

    const lines = [
      `${CUSTOMERS} signed-in customers, each request with its own session cookie; dashboard and appointment page ` +
        `alternately; ${SECONDS} s per row; portal = its \`start\` script (${os.availableParallelism()} cores on this machine, ` +
        'stack, database and load generator on the same machine).',
      '',
      '| concurrent customers | requests/s | p50 ms | p95 ms | p99 ms | not 200 or not their own page | portal CPU (cores) | portal CPU ms / request | stack + load generator CPU (cores) | machine busy (cores) |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ]
    const measure = async (label: string, connections: number, floor: boolean) => {
      const cpu0 = await groupCpuSeconds(pgid)
      const own0 = process.cpuUsage()
      const machine0 = await machineBusySeconds()
      const t0 = performance.now()
      const result = await runWorker<{
        samples: number[]
        good: number
        bad: number
        errors: number
        timeouts: number
      }>(LOAD_WORKER, {
        autocannon: require.resolve('autocannon'),
        url,
        connections,
        seconds: SECONDS,
        customers,
        floor,
      })
      const wall = (performance.now() - t0) / 1000
      const cpu = (await groupCpuSeconds(pgid)) - cpu0
      const own = process.cpuUsage(own0)
      const machine = (await machineBusySeconds()) - machine0
      const sorted = result.samples.sort((a, b) => a - b)
      lines.push(
        `| ${label} | ${(result.good / SECONDS).toFixed(0)} | ${percentile(sorted, 50).toFixed(0)} | ` +
          `${percentile(sorted, 95).toFixed(0)} | ${percentile(sorted, 99).toFixed(0)} | ` +
          `${result.bad + result.errors + result.timeouts} | ${(cpu / wall).toFixed(2)} | ` +
          `${((cpu * 1000) / Math.max(1, result.good)).toFixed(1)} | ` +
          `${((own.user + own.system) / 1e6 / wall).toFixed(2)} | ${(machine / wall).toFixed(2)} |`,
      )
    }
    for (const connections of CONCURRENCY) await measure(String(connections), connections, false)
    // The framework's floor: the same customers at 50, on a page without data (proxy + render).
    await measure('50, page without data (`/auth/error`)', 50, true)
    const bursts: Array<{ ms: number; good: number; failures: Record<string, number> }> = []
    for (let i = 0; i < BURST_ROUNDS; i++) {
      // Next answers an RSC request only on its `_rsc` URL (it redirects there otherwise).
      bursts.push(await runWorker(BURST_WORKER, { url: `${url}/?_rsc`, customers }))
    }
    const burstMs = bursts.map((b) => b.ms).sort((a, b) => a - b)
    lines.push(
      '',
      `Refresh burst: ${CUSTOMERS} customers' dashboard refreshes (RSC requests, each with its own cookie) sent at the same instant; ` +
        `time until the last is served, ${BURST_ROUNDS} rounds: ${burstMs.map((ms) => ms.toFixed(0)).join(' / ')} ms ` +
        `(median ${percentile(burstMs, 50).toFixed(0)} ms); served correctly: ${bursts.map((b) => b.good).join(' / ')} of ${CUSTOMERS}` +
        (bursts.some((b) => b.good < CUSTOMERS)
          ? ` (failures: ${bursts.map((b) => JSON.stringify(b.failures)).join(' / ')}).`
          : '.'),
    )
    process.stdout.write(`${lines.join('\n')}\n\n`)
  } finally {
    if (portal) await stopPortal(portal)
    await stack.stop()
    await rm(dir, { recursive: true, force: true })
  }
}
