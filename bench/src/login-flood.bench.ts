// REST latency of a signed-in user while 100 failed sign-ins (wrong passwords for one account,
// all sent at once) hit the same stack. The reader and the attacker run in worker threads, the
// stack in this thread, so only the server's own work competes with the reader's requests.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { type AuthRateLimits, DEFAULT_RATE_LIMITS } from '@repo/local-supabase'
import { startTestStack } from '@repo/local-supabase/testing'

const ATTEMPTS = 100
const ROUNDS = 3
const BASELINE_MS = 2_000
const AFTER_MS = 500

const SCHEMA = `
create table public.bench_notes (
  id bigint generated always as identity primary key,
  owner_id uuid not null default auth.uid(),
  body text not null
);
alter table public.bench_notes enable row level security;
create policy "own notes" on public.bench_notes for all to authenticated
  using (owner_id = auth.uid()) with check (owner_id = auth.uid());
grant select, insert on public.bench_notes to authenticated;
`

interface Scenario {
  name: string
  /** Passed to the stack as `config.rateLimits`; none: test stacks keep them out of reach. */
  rateLimits?: Partial<AuthRateLimits>
}

const SCENARIOS: Scenario[] = [
  { name: 'limits out of reach: every attempt is hashed' },
  {
    name: 'default limits: one attacking address',
    rateLimits: DEFAULT_RATE_LIMITS,
  },
]

/** Sequential keep-alive GETs as the signed-in user until told to stop; [start, latency] pairs. */
const READER = `
const http = require('node:http')
const { parentPort, workerData: job } = require('node:worker_threads')
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
const now = () => performance.timeOrigin + performance.now()
let stop = false
parentPort.on('message', () => { stop = true })
const get = () => new Promise((resolve, reject) => {
  const req = http.get(job.url, { agent, headers: job.headers }, (res) => {
    res.resume()
    res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(String(res.statusCode)))))
  })
  req.on('error', reject)
})
;(async () => {
  const samples = []
  let errors = 0
  while (!stop) {
    const t0 = now()
    try { await get(); samples.push([t0, now() - t0]) } catch { errors += 1 }
  }
  agent.destroy()
  parentPort.postMessage({ samples, errors })
})()
`

/** All attempts at once, as one client would fire them; when they started and ended, and the answers. */
const ATTACKER = `
const http = require('node:http')
const { parentPort, workerData: job } = require('node:worker_threads')
const agent = new http.Agent({ keepAlive: true, maxSockets: job.attempts })
const now = () => performance.timeOrigin + performance.now()
const post = (i) => new Promise((resolve) => {
  const body = JSON.stringify({ email: job.email, password: 'wrong-password-' + i })
  const req = http.request(job.url, { method: 'POST', agent, headers: { ...job.headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
    res.resume()
    res.on('end', () => resolve(res.statusCode))
  })
  req.on('error', () => resolve(0))
  req.end(body)
})
const start = now()
Promise.all(Array.from({ length: job.attempts }, (_, i) => post(i))).then((statuses) => {
  agent.destroy()
  parentPort.postMessage({ start, end: now(), statuses })
})
`

function runWorker<T>(
  source: string,
  workerData: unknown,
  onStart?: (w: Worker) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData })
    onStart?.(worker)
    worker.once('message', (value: T) => {
      resolve(value)
      void worker.terminate()
    })
    worker.once('error', reject)
  })
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length
    ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number)
    : Number.NaN
}
const median = (values: number[]) => percentile(values, 50)

interface RoundResult {
  baselineP50: number
  duringP50: number
  duringP99: number
  duringMax: number
  floodMs: number
  checked: number
  refused: number
}

async function round(scenario: Scenario, migrationsDir: string): Promise<RoundResult> {
  const stack = await startTestStack({
    config: {
      migrationsDir,
      logLevel: 'warn',
      ...(scenario.rateLimits ? { rateLimits: scenario.rateLimits } : {}),
    },
  })
  try {
    const api = stack.info.API_URL
    const headers = { apikey: stack.info.ANON_KEY, 'content-type': 'application/json' }
    const signUp = async (email: string) => {
      const res = await fetch(`${api}/auth/v1/signup`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ email, password: 'correct-horse-battery' }),
      })
      if (!res.ok) throw new Error(`sign-up failed: ${res.status}`)
      return ((await res.json()) as { access_token: string }).access_token
    }
    const readerToken = await signUp('reader@bench.test')
    await signUp('victim@bench.test')
    const auth = { ...headers, authorization: `Bearer ${readerToken}` }
    await fetch(`${api}/rest/v1/bench_notes`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ body: 'hello' }),
    })

    let reader: Worker | undefined
    const readerDone = runWorker<{ samples: Array<[number, number]>; errors: number }>(
      READER,
      { url: `${api}/rest/v1/bench_notes?select=id,body&limit=20`, headers: auth },
      (w) => {
        reader = w
      },
    )
    await new Promise((r) => setTimeout(r, BASELINE_MS))
    const flood = await runWorker<{ start: number; end: number; statuses: number[] }>(ATTACKER, {
      url: `${api}/auth/v1/token?grant_type=password`,
      headers,
      email: 'victim@bench.test',
      attempts: ATTEMPTS,
    })
    await new Promise((r) => setTimeout(r, AFTER_MS))
    reader?.postMessage('stop')
    const { samples } = await readerDone
    const before = samples.filter(([t0]) => t0 < flood.start).map(([, ms]) => ms)
    const during = samples.filter(([t0]) => t0 >= flood.start && t0 < flood.end).map(([, ms]) => ms)
    return {
      baselineP50: percentile(before, 50),
      duringP50: percentile(during, 50),
      duringP99: percentile(during, 99),
      duringMax: Math.max(...during),
      floodMs: flood.end - flood.start,
      checked: flood.statuses.filter((s) => s === 400).length,
      refused: flood.statuses.filter((s) => s === 429).length,
    }
  } finally {
    await stack.stop()
  }
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'login-flood-bench-'))
  await writeFile(path.join(dir, '20240101000000_bench_notes.sql'), SCHEMA)
  const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a')
  const lines = [
    `REST GET of a signed-in user (one request at a time) before and while ${ATTEMPTS} failed ` +
      `sign-ins for another account arrive at once; median of ${ROUNDS} rounds, each on a fresh stack.`,
    '',
    '| scenario | baseline p50 ms | during p50 ms | during p99 ms | during max ms | flood answered in ms | attempts checked / refused (429) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  try {
    for (const scenario of SCENARIOS) {
      const results: RoundResult[] = []
      for (let i = 0; i < ROUNDS; i++) results.push(await round(scenario, dir))
      const m = (pick: (r: RoundResult) => number) => median(results.map(pick))
      lines.push(
        `| ${scenario.name} | ${fmt(m((r) => r.baselineP50))} | ${fmt(m((r) => r.duringP50))} | ` +
          `${fmt(m((r) => r.duringP99))} | ${fmt(m((r) => r.duringMax))} | ${fmt(m((r) => r.floodMs))} | ` +
          `${m((r) => r.checked)} / ${m((r) => r.refused)} |`,
      )
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  process.stdout.write(`${lines.join('\n')}\n\n`)
}
