// REST under RLS vs. the same SQL straight through `pg`: a filtered, ordered select of 20 rows,
// 32 concurrent clients, each side for a fixed time. The ratio is what counts.
import { createHmac, randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startTestStack } from '@repo/local-supabase/testing'
import pg from 'pg'

const CONCURRENCY = 32
const USERS = 16
const ROWS_PER_USER = 500
const WARMUP_MS = 1_000
const RUN_MS = 7_000

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

// The SQL a hand-written server would run per request: same role, same claims, same query.
const DIRECT_SQL = `select id, title, score from public.bench_items where score >= $1 order by score desc limit 20`

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url')
}

function signJwt(claims: Record<string, unknown>, secret: string): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
  const body = base64url(JSON.stringify(claims))
  const signature = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url')
  return `${header}.${body}.${signature}`
}

interface Result {
  requests: number
  errors: number
  latencies: number[]
  seconds: number
}

async function drive(work: (worker: number, i: number) => Promise<void>): Promise<Result> {
  const latencies: number[] = []
  let errors = 0
  let measuring = false
  const started = performance.now()
  const warmEnd = started + WARMUP_MS
  const end = warmEnd + RUN_MS
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      for (let i = 0; ; i++) {
        const t0 = performance.now()
        if (t0 >= end) return
        if (!measuring && t0 >= warmEnd) measuring = true
        try {
          await work(worker, i)
          if (t0 >= warmEnd) latencies.push(performance.now() - t0)
        } catch {
          if (t0 >= warmEnd) errors += 1
        }
      }
    }),
  )
  return { requests: latencies.length, errors, latencies, seconds: RUN_MS / 1000 }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number
}

function row(name: string, r: Result) {
  const sorted = [...r.latencies].sort((a, b) => a - b)
  const rps = r.requests / r.seconds
  return { name, rps, p50: percentile(sorted, 50), p99: percentile(sorted, 99), errors: r.errors }
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
    const exp = Math.floor(Date.now() / 1000) + 3600
    const tokens = users.map((sub) => signJwt({ sub, role: 'authenticated', aud: 'authenticated', exp }, stack.info.JWT_SECRET))
    const threshold = (i: number) => (i * 37) % 400

    const rest = await drive(async (worker, i) => {
      const res = await fetch(
        `${stack.info.REST_URL}/bench_items?select=id,title,score&score=gte.${threshold(i)}&order=score.desc&limit=20`,
        { headers: { apikey: stack.info.ANON_KEY, Authorization: `Bearer ${tokens[worker % USERS]}` } },
      )
      const body = (await res.json()) as unknown[]
      if (res.status !== 200 || body.length !== 20) throw new Error(`unexpected answer ${res.status}`)
    })

    const sql = await drive(async (worker, i) => {
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
    })

    const a = row('REST /rest/v1 (supabase-style request, RLS)', rest)
    const b = row('pg direct (same SQL, same role + claims, RLS)', sql)
    const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a')
    const lines = [
      `Filtered, ordered select of 20 rows under RLS; ${CONCURRENCY} concurrent clients; ${RUN_MS / 1000} s each after ${WARMUP_MS / 1000} s warm-up; ${USERS * ROWS_PER_USER} rows.`,
      '',
      '| path | requests/s | p50 ms | p99 ms | errors |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...[a, b].map((r) => `| ${r.name} | ${r.rps.toFixed(0)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.errors} |`),
      '',
      `REST / pg throughput ratio: ${(a.rps / b.rps).toFixed(2)}; p50 latency ratio: ${(a.p50 / b.p50).toFixed(2)}`,
      '',
    ]
    process.stdout.write(`${lines.join('\n')}\n`)
  } finally {
    await direct.end()
    await stack.stop()
    await rm(dir, { recursive: true, force: true })
  }
}
