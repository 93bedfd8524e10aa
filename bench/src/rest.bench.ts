// REST under RLS vs. the same SQL straight through `pg`: a filtered, ordered select of 20 rows,
// 32 concurrent clients. The HTTP clients run in a worker thread (they are not part of the server);
// both sides run in alternating rounds so changes in machine load hit them alike.
import { createHmac, randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { startTestStack } from '@repo/local-supabase/testing'
import pg from 'pg'

const CONCURRENCY = 32
const USERS = 16
const ROWS_PER_USER = 500
const WARMUP_MS = 1_000
const ROUNDS = 3
const ROUND_MS = 2_500

const SCHEMA = `
create table public.bench_items (
  id bigint generated always as identity primary key,
  owner_id uuid not null,
  title text not null,
  score int not null,
  created_at timestamptz not null default now()
);
create index bench_items_owner_score on public.bench_items (owner_id, score desc);
alter table public.bench_items enable row level security;
create policy "own rows" on public.bench_items for select to authenticated using (owner_id = auth.uid());
`

// What the REST request asks for, written by hand: same role, same claims, same query.
const DIRECT_SQL =
  'select id, title, score from public.bench_items where score >= $1 order by score desc limit 20'

const threshold = (i: number) => (i * 37) % 400

interface Sample {
  latencies: number[]
  errors: number
  /** Requests answered in the whole round, warm-up included (what the CPU figures cover). */
  completed: number
  /** CPU of the HTTP clients' worker thread, µs (0 on the pg side, whose client is the main thread). */
  clientCpuUs: number
}

/** CPU spent per side: this process (stack and clients) and PostgreSQL's processes, µs. */
interface CpuTally {
  nodeUs: number
  clientUs: number
  postgresUs: number
  completed: number
}

/** `[pid, ppid, utime + stime in µs]` of a process, from /proc (Linux); null elsewhere or when gone. */
function procCpu(pid: string): [number, number] | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return [Number(fields[1]), ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100]
  } catch {
    return null
  }
}

/** CPU of the postmaster and its backends so far, µs (NaN without /proc). */
function postgresCpuUs(postmaster: number): number {
  let total = 0
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^[0-9]+$/.test(pid)) continue
      const cpu = procCpu(pid)
      if (cpu && (cpu[0] === postmaster || Number(pid) === postmaster)) total += cpu[1]
    }
  } catch {
    return Number.NaN
  }
  return total
}

/** Runs one round and adds the CPU it cost to `tally`. */
async function measured(
  tally: CpuTally,
  postmaster: number,
  round: () => Promise<Sample>,
): Promise<Sample> {
  const node0 = process.cpuUsage()
  const pg0 = postgresCpuUs(postmaster)
  const sample = await round()
  const node = process.cpuUsage(node0)
  tally.nodeUs += node.user + node.system
  tally.postgresUs += postgresCpuUs(postmaster) - pg0
  tally.clientUs += sample.clientCpuUs
  tally.completed += sample.completed
  return sample
}

interface LoadJob {
  restUrl: string
  anonKey: string
  tokens: string[]
  runMs: number
  warmupMs: number
}

function signJwt(claims: Record<string, unknown>, secret: string): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const head = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`
}

/** `CONCURRENCY` loops calling `work` for `warmupMs + runMs`; only the last `runMs` are recorded. */
async function drive(
  work: (worker: number, i: number) => Promise<void>,
  runMs: number,
  warmupMs: number,
): Promise<Sample> {
  const latencies: number[] = []
  let errors = 0
  let completed = 0
  const warmEnd = performance.now() + warmupMs
  const end = warmEnd + runMs
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      for (let i = 0; ; i++) {
        const t0 = performance.now()
        if (t0 >= end) return
        try {
          await work(worker, i)
          completed += 1
          if (t0 >= warmEnd) latencies.push(performance.now() - t0)
        } catch {
          if (t0 >= warmEnd) errors += 1
        }
      }
    }),
  )
  return { latencies, errors, completed, clientCpuUs: 0 }
}

/**
 * The HTTP side of the load, as plain JavaScript for a worker thread (workers do not get tsx's
 * loader): keep-alive node:http GETs, far lighter than fetch, recorded like `drive` records.
 */
const REST_LOAD_WORKER = `
const http = require('node:http')
const { parentPort, workerData: job } = require('node:worker_threads')
const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency })
const get = (url, headers) => new Promise((resolve, reject) => {
  const req = http.get(url, { agent, headers }, (res) => {
    const chunks = []
    res.on('data', (c) => chunks.push(c))
    res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }))
    res.on('error', reject)
  })
  req.on('error', reject)
})
const latencies = []
let errors = 0
let completed = 0
const warmEnd = performance.now() + job.warmupMs
const end = warmEnd + job.runMs
Promise.all(Array.from({ length: job.concurrency }, async (_, worker) => {
  for (let i = 0; ; i++) {
    const t0 = performance.now()
    if (t0 >= end) return
    try {
      const threshold = (i * 37) % 400
      const res = await get(job.restUrl + '/bench_items?select=id,title,score&score=gte.' + threshold + '&order=score.desc&limit=20',
        { apikey: job.anonKey, Authorization: 'Bearer ' + job.tokens[worker % job.tokens.length] })
      if (res.status !== 200 || JSON.parse(res.body).length !== 20) throw new Error('unexpected answer ' + res.status)
      completed += 1
      if (t0 >= warmEnd) latencies.push(performance.now() - t0)
    } catch {
      if (t0 >= warmEnd) errors += 1
    }
  }
})).then(() => { agent.destroy(); const cpu = typeof process.threadCpuUsage === 'function' ? process.threadCpuUsage() : null
  parentPort.postMessage({ latencies, errors, completed, clientCpuUs: cpu ? cpu.user + cpu.system : Number.NaN }) })
`

function restRound(job: LoadJob): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(REST_LOAD_WORKER, {
      eval: true,
      workerData: { ...job, concurrency: CONCURRENCY },
    })
    worker.once('message', (sample: Sample) => {
      resolve(sample)
      void worker.terminate()
    })
    worker.once('error', reject)
  })
}

function summarize(name: string, samples: Sample[], seconds: number) {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b)
  const pick = (p: number) =>
    latencies.length
      ? (latencies[
          Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))
        ] as number)
      : Number.NaN
  return {
    name,
    rps: latencies.length / seconds,
    p50: pick(50),
    p95: pick(95),
    p99: pick(99),
    errors: samples.reduce((n, s) => n + s.errors, 0),
  }
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rest-bench-migrations-'))
  await writeFile(path.join(dir, '20240101000000_bench_rest.sql'), SCHEMA)
  const stack = await startTestStack({ config: { migrationsDir: dir, logLevel: 'warn' } })
  const direct = new pg.Pool({ connectionString: stack.info.DB_URL, max: 20 })
  try {
    const users = Array.from({ length: USERS }, () => randomUUID())
    await direct.query(
      `insert into public.bench_items (owner_id, title, score)
       select u, 'item ' || g, (g * 7919) % 1000 from unnest($1::uuid[]) as u, generate_series(1, $2) as g`,
      [users, ROWS_PER_USER],
    )
    await direct.query('analyze public.bench_items')
    const backend = (await direct.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]
    const postmaster = procCpu(String(backend?.pid))?.[0] ?? -1
    const exp = Math.floor(Date.now() / 1000) + 3600
    const tokens = users.map((sub) =>
      signJwt({ sub, role: 'authenticated', aud: 'authenticated', exp }, stack.info.JWT_SECRET),
    )
    const sqlRound = (warmupMs: number) =>
      drive(
        async (worker, i) => {
          const client = await direct.connect()
          try {
            await client.query('begin read only')
            await client.query(
              `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)`,
              [JSON.stringify({ sub: users[worker % USERS], role: 'authenticated' })],
            )
            const { rows } = await client.query(DIRECT_SQL, [threshold(i)])
            await client.query('commit')
            if (rows.length !== 20) throw new Error('unexpected row count')
          } finally {
            client.release()
          }
        },
        ROUND_MS,
        warmupMs,
      )

    const rest: Sample[] = []
    const sql: Sample[] = []
    const restCpu: CpuTally = { nodeUs: 0, clientUs: 0, postgresUs: 0, completed: 0 }
    const sqlCpu: CpuTally = { nodeUs: 0, clientUs: 0, postgresUs: 0, completed: 0 }
    for (let round = 0; round < ROUNDS; round++) {
      const warmupMs = round === 0 ? WARMUP_MS : 0
      rest.push(
        await measured(restCpu, postmaster, () =>
          restRound({
            restUrl: stack.info.REST_URL,
            anonKey: stack.info.ANON_KEY,
            tokens,
            runMs: ROUND_MS,
            warmupMs,
          }),
        ),
      )
      sql.push(await measured(sqlCpu, postmaster, () => sqlRound(warmupMs)))
    }
    const perRequest = (us: number, t: CpuTally) =>
      Number.isFinite(us) && t.completed ? (us / t.completed).toFixed(0) : 'n/a'

    const seconds = (ROUNDS * ROUND_MS) / 1000
    const a = summarize('REST /rest/v1 (JWT, RLS, JSON)', rest, seconds)
    const b = summarize('pg direct (same SQL, role + claims, RLS)', sql, seconds)
    const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a')
    const lines = [
      `Filtered, ordered select of 20 rows under RLS; ${CONCURRENCY} concurrent clients; ` +
        `${ROUNDS} alternating rounds of ${ROUND_MS / 1000} s per side; ${USERS * ROWS_PER_USER} rows.`,
      '',
      '| path | requests/s | p50 ms | p95 ms | p99 ms | errors |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...[a, b].map(
        (r) =>
          `| ${r.name} | ${r.rps.toFixed(0)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.errors} |`,
      ),
      '',
      `REST / pg: throughput ${(a.rps / b.rps).toFixed(2)}x, p50 latency ${(a.p50 / b.p50).toFixed(2)}x, p95 latency ${(a.p95 / b.p95).toFixed(2)}x, p99 latency ${(a.p99 / b.p99).toFixed(2)}x`,
      '',
      // CPU per request depends far less on what else the machine runs than requests/s does.
      'CPU per request, µs (this process: stack and clients; PostgreSQL: postmaster and backends):',
      '',
      '| path | Node.js, all | of which HTTP clients | PostgreSQL |',
      '| --- | ---: | ---: | ---: |',
      `| REST | ${perRequest(restCpu.nodeUs, restCpu)} | ${perRequest(restCpu.clientUs, restCpu)} | ${perRequest(restCpu.postgresUs, restCpu)} |`,
      `| pg direct | ${perRequest(sqlCpu.nodeUs, sqlCpu)} | (in the main thread) | ${perRequest(sqlCpu.postgresUs, sqlCpu)} |`,
      '',
    ]
    process.stdout.write(`${lines.join('\n')}\n`)
  } finally {
    await direct.end()
    await stack.stop()
    await rm(dir, { recursive: true, force: true })
  }
}
