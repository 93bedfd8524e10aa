// postgres_changes fan-out under RLS: N signed-in clients, each subscribed to its own customer's
// rows, and one writer committing at a fixed rate (each commit belongs to one customer). A last
// two scenarios give each customer 100 distinct users, so one commit fans out to 100 RLS identities
// (checked in one batched call); the last at 25,000 messages/s. Reports
// delivered/expected, commit-to-callback latency, and the CPU and memory of the server process.
// The clients run in a child process (this same file, started with REALTIME_FANOUT_CLIENTS=1), so
// the server's numbers are its own.
import { createHmac, randomUUID } from 'node:crypto'
import { type ChildProcess, fork } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startTestStack } from '@repo/local-supabase/testing'
import { createClient, type RealtimeClient } from '@supabase/supabase-js'
import pg from 'pg'

const SCENARIOS = [
  { clients: 100, usersPerCustomer: 1, ratePerSecond: 200, seconds: 8 },
  { clients: 1000, usersPerCustomer: 1, ratePerSecond: 200, seconds: 8 },
  { clients: 1000, usersPerCustomer: 100, ratePerSecond: 20, seconds: 8 },
  { clients: 1000, usersPerCustomer: 100, ratePerSecond: 250, seconds: 8 },
]
/** `REALTIME_FANOUT_SCENARIOS=4` (or `3,4`): run only those rows (1-based), e.g. while profiling. */
const ONLY = (process.env.REALTIME_FANOUT_SCENARIOS ?? '').split(',').filter(Boolean).map(Number)
/** How long to wait for stragglers after the last commit. */
const DRAIN_MS = 10_000
const JOIN_CONCURRENCY = 50

const SCHEMA = `
create table public.bench_customers (
  id uuid primary key default extensions.gen_random_uuid()
);
create table public.bench_members (
  customer_id uuid not null references public.bench_customers (id),
  user_id uuid not null,
  primary key (customer_id, user_id)
);
alter table public.bench_customers enable row level security;
alter table public.bench_members enable row level security;
create policy "own membership" on public.bench_members for select to authenticated using (user_id = auth.uid());

create table public.bench_jobs (
  id bigint generated always as identity primary key,
  customer_id uuid not null references public.bench_customers (id),
  seq int not null,
  title text not null
);
alter table public.bench_jobs enable row level security;
create policy "own jobs" on public.bench_jobs for select to authenticated
  using (exists (select 1 from public.bench_members m where m.customer_id = bench_jobs.customer_id and m.user_id = auth.uid()));
alter publication supabase_realtime add table public.bench_jobs;
`

const now = () => performance.timeOrigin + performance.now()

interface Subscriber {
  token: string
  customerId: string
}
type ToClients =
  | { kind: 'start'; apiUrl: string; anonKey: string; subscribers: Subscriber[] }
  | { kind: 'finish' }
type FromClients =
  | { kind: 'ready'; failed: number }
  | { kind: 'progress'; received: number }
  /** [client index, seq, received at] */
  /** `cpuSeconds`: the clients' own CPU from ready to finish (they can be the bottleneck). */
  | {
      kind: 'receipts'
      receipts: Array<[number, number, number]>
      foreign: number
      cpuSeconds: number
    }

// ---- child process: the clients ----------------------------------------------------------------

async function clientsMain(): Promise<void> {
  const send = (message: FromClients) => process.send?.(message)
  const receipts: Array<[number, number, number]> = []
  let cpuAtReady = process.cpuUsage()
  let foreign = 0
  const sockets: RealtimeClient[] = []
  process.on('message', async (message: ToClients) => {
    if (message.kind === 'finish') {
      for (const socket of sockets) socket.disconnect()
      // Hundreds of thousands of receipts take a while to cross the IPC channel: exit once sent.
      const cpu = process.cpuUsage(cpuAtReady)
      const cpuSeconds = (cpu.user + cpu.system) / 1e6
      process.send?.(
        { kind: 'receipts', receipts, foreign, cpuSeconds } satisfies FromClients,
        () => setTimeout(() => process.exit(0), 200),
      )
      return
    }
    let failed = 0
    const queue = message.subscribers.map((sub, index) => ({ ...sub, index }))
    await Promise.all(
      Array.from({ length: JOIN_CONCURRENCY }, async () => {
        for (let sub = queue.shift(); sub; sub = queue.shift()) {
          const { token, customerId, index } = sub
          const client = createClient(message.apiUrl, message.anonKey, {
            accessToken: async () => token,
          })
          sockets.push(client.realtime)
          await client.realtime.setAuth(token)
          const ok = await new Promise<boolean>((resolve) => {
            client
              .channel(`bench-${customerId}-${index}`)
              .on(
                'postgres_changes',
                {
                  event: 'INSERT',
                  schema: 'public',
                  table: 'bench_jobs',
                  filter: `customer_id=eq.${customerId}`,
                },
                (payload) => {
                  const row = payload.new as { seq: number; customer_id: string }
                  if (row.customer_id !== customerId) foreign += 1
                  receipts.push([index, row.seq, now()])
                },
              )
              .on('system', {}, (p: { extension?: string; status?: string }) => {
                if (p.extension === 'postgres_changes') resolve(p.status === 'ok')
              })
              .subscribe((status) => {
                if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') resolve(false)
              })
          })
          if (!ok) failed += 1
        }
      }),
    )
    cpuAtReady = process.cpuUsage()
    send({ kind: 'ready', failed })
    setInterval(() => send({ kind: 'progress', received: receipts.length }), 250).unref()
  })
}

// ---- parent: server + writer -------------------------------------------------------------------

function signJwt(claims: Record<string, unknown>, secret: string): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const head = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`
}

/**
 * CPU seconds used so far by this process's PostgreSQL (the embedded server and its backends),
 * from /proc; NaN where there is none. The RLS checks run there, so it is half of the server's cost.
 */
function postgresCpuSeconds(): number {
  try {
    const parents = new Map<number, number>()
    const ticks = new Map<number, number>()
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      let stat: string
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      } catch {
        continue // exited meanwhile
      }
      // Fields after the parenthesised command name: state, ppid, … utime (14th), stime (15th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      parents.set(Number(entry), Number(fields[1]))
      if (name === 'postgres') ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]))
    }
    let total = 0
    for (const [pid, used] of ticks) {
      let up = parents.get(pid)
      while (up !== undefined && up > 1 && up !== process.pid) up = parents.get(up)
      if (up === process.pid) total += used
    }
    return total / 100 // USER_HZ
  } catch {
    return Number.NaN
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number
}

function startClients(): ChildProcess {
  return fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, REALTIME_FANOUT_CLIENTS: '1' },
    // Node 20 has a browser-style WebSocket behind this flag; realtime-js picks it up as a browser would.
    execArgv: ['--experimental-websocket', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
}

function nextMessage<K extends FromClients['kind']>(
  child: ChildProcess,
  kind: K,
): Promise<Extract<FromClients, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromClients) => {
      if (message.kind !== kind) return
      child.off('message', onMessage)
      resolve(message as Extract<FromClients, { kind: K }>)
    }
    child.on('message', onMessage)
    child.once('exit', (code) => reject(new Error(`client process exited with ${code}`)))
  })
}

async function scenario(
  stack: Awaited<ReturnType<typeof startTestStack>>,
  db: pg.Client,
  { clients, usersPerCustomer, ratePerSecond, seconds }: (typeof SCENARIOS)[number],
): Promise<string> {
  const subscribers: Subscriber[] = []
  const customers: string[] = []
  for (let i = 0; i < clients; i++) {
    if (i % usersPerCustomer === 0) {
      const { rows } = await db.query<{ id: string }>(
        'insert into public.bench_customers default values returning id',
      )
      customers.push(rows[0]?.id as string)
    }
    const customerId = customers[customers.length - 1] as string
    const userId = randomUUID()
    await db.query('insert into public.bench_members (customer_id, user_id) values ($1, $2)', [
      customerId,
      userId,
    ])
    const token = signJwt(
      {
        sub: userId,
        role: 'authenticated',
        aud: 'authenticated',
        exp: Math.floor(Date.now() / 1000) + 3600,
      },
      stack.info.JWT_SECRET,
    )
    subscribers.push({ token, customerId })
  }

  const child = startClients()
  let received = 0
  child.on('message', (m: FromClients) => {
    if (m.kind === 'progress') received = m.received
  })
  const ready = nextMessage(child, 'ready')
  child.send({
    kind: 'start',
    apiUrl: stack.info.API_URL,
    anonKey: stack.info.ANON_KEY,
    subscribers,
  } satisfies ToClients)
  const { failed } = await ready

  const writes = ratePerSecond * seconds
  const expected = writes * usersPerCustomer
  const committedAt = new Array<number>(writes)
  const cpuBefore = process.cpuUsage()
  const postgresBefore = postgresCpuSeconds()
  const wallBefore = now()
  let peakRss = process.memoryUsage().rss
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }, 100)
  const interval = 1000 / ratePerSecond
  const start = now()
  for (let seq = 0; seq < writes; seq++) {
    const due = start + seq * interval
    const wait = due - now()
    if (wait > 1) await new Promise((r) => setTimeout(r, wait))
    await db.query('insert into public.bench_jobs (customer_id, seq, title) values ($1, $2, $3)', [
      customers[seq % customers.length],
      seq,
      `job ${seq}`,
    ])
    committedAt[seq] = now()
  }
  // The writer waits for each commit, so a database that falls behind also slows the writes down.
  const writeSeconds = (now() - start) / 1000
  const drainUntil = now() + DRAIN_MS
  while (received < expected && now() < drainUntil) await new Promise((r) => setTimeout(r, 50))
  const cpu = process.cpuUsage(cpuBefore)
  const postgresCpu = postgresCpuSeconds() - postgresBefore
  const wallMs = now() - wallBefore
  clearInterval(sampler)

  const receiptsMessage = nextMessage(child, 'receipts')
  child.send({ kind: 'finish' } satisfies ToClients)
  const { receipts, foreign, cpuSeconds: clientsCpu } = await receiptsMessage
  await new Promise((r) => child.once('exit', r))

  const seen = new Set<string>()
  let duplicates = 0
  const latencies: number[] = []
  for (const [client, seq, at] of receipts) {
    const key = `${client}:${seq}`
    if (seen.has(key)) duplicates += 1
    seen.add(key)
    const committed = committedAt[seq]
    if (committed !== undefined) latencies.push(at - committed)
  }
  latencies.sort((a, b) => a - b)
  await db.query('truncate public.bench_jobs, public.bench_members, public.bench_customers')
  const ms = (v: number) => v.toFixed(1)
  const pct = ((seen.size / expected) * 100).toFixed(1)
  // Share of one core over the window, and the CPU time itself (which load on the machine does not
  // stretch the way it stretches latency).
  const cpuShare = (seconds: number) =>
    `${((seconds * 100_000) / wallMs).toFixed(0)}% (${seconds.toFixed(1)} s)`
  const serverCpu = cpuShare((cpu.user + cpu.system) / 1e6)
  const notes = [
    failed ? `${failed} joins failed` : '',
    duplicates ? `${duplicates} duplicates` : '',
    foreign ? `${foreign} foreign rows` : '',
  ]
    .filter(Boolean)
    .join(', ')
  return `| ${clients} | ${usersPerCustomer} | ${ratePerSecond}/s × ${seconds}s | ${(writes / writeSeconds).toFixed(0)}/s | ${(seen.size / writeSeconds).toFixed(0)} | ${seen.size}/${expected} (${pct}%) | ${ms(percentile(latencies, 50))} | ${ms(percentile(latencies, 95))} | ${ms(percentile(latencies, 99))} | ${serverCpu} | ${cpuShare(postgresCpu)} | ${cpuShare(clientsCpu)} | ${(peakRss / 1024 / 1024).toFixed(0)} MB | ${notes || '-'} |`
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'realtime-bench-migrations-'))
  await writeFile(path.join(dir, '20250101000000_bench_realtime.sql'), SCHEMA)
  const stack = await startTestStack({ config: { migrationsDir: dir, logLevel: 'warn' } })
  const db = new pg.Client({ connectionString: stack.info.DB_URL })
  await db.connect()
  try {
    const lines = [
      '| clients | subscribers per change | writes | writes achieved | messages/s | delivered/expected | p50 ms | p95 ms | p99 ms | server CPU | PostgreSQL CPU | clients CPU | server RSS (peak) | notes |',
      '|---:|---:|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ]
    for (const [i, s] of SCENARIOS.entries()) {
      if (ONLY.length === 0 || ONLY.includes(i + 1)) lines.push(await scenario(stack, db, s))
    }
    process.stdout.write(`${lines.join('\n')}\n\n`)
    process.stdout.write(
      'Latency: writer commit acknowledged → client callback, same machine clock. CPU: server process ' +
        '(API + realtime + writer) and, apart, its PostgreSQL (every backend: RLS checks, replication, ' +
        'the writes) over the write and drain window, 100% = one core. ' +
        `Each client: own supabase-js client, one channel, one RLS-checked filtered binding.\n`,
    )
  } finally {
    await db.end()
    await stack.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

if (process.env.REALTIME_FANOUT_CLIENTS === '1') void clientsMain()
