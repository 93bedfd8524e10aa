import { createClient } from '@supabase/supabase-js'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import { type CliProject, type CliStack, cliProject, eventually, startCliStack, stopCliStack } from './cli-stack.ts'

const migrations = {
  '20240101000000_chaos.sql': `
    create table public.chaos_writes (id bigint primary key, note text not null);
    grant select, insert on public.chaos_writes to service_role;
    alter publication supabase_realtime add table public.chaos_writes;`,
}

let project: CliProject
let stack: CliStack

beforeAll(async () => {
  project = await cliProject(migrations)
  stack = await startCliStack(project)
})
afterAll(async () => {
  await stopCliStack(stack)
  await project.remove()
})

/** Cuts every API connection and the replication stream, as an operator or a failover would. */
async function cutConnections(dbUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: dbUrl })
  await admin.connect()
  try {
    await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where backend_type in ('client backend', 'walsender') and pid <> pg_backend_pid()`,
    )
  } finally {
    await admin.end()
  }
}

/** A service-role subscriber counting how often each inserted id arrives. */
async function subscribeToWrites(env: Record<string, string>, channel: string) {
  const supabase = createClient(env.API_URL as string, env.SERVICE_ROLE_KEY as string, {
    auth: { persistSession: false },
  })
  const delivered = new Map<number, number>()
  await new Promise<void>((resolve, reject) => {
    supabase
      .channel(channel)
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'chaos_writes' }, (payload) => {
        const id = Number((payload.new as { id: number }).id)
        delivered.set(id, (delivered.get(id) ?? 0) + 1)
      })
      .subscribe((status, error) => {
        if (status === 'SUBSCRIBED') resolve()
        if (status === 'CHANNEL_ERROR') reject(error)
      })
  })
  return { supabase, delivered }
}

interface Answer {
  status: number
  code?: string
}

describe('chaos: REST under load while connections and the replication stream are cut', () => {
  it('answers every request with 2xx or a clear 503, keeps serving, and loses no acknowledged write', { timeout: 120_000 }, async () => {
    // The stack's own log explains a failure better than the assertion does.
    onTestFailed(() => console.error(`stack log (exited: ${stack.exited()}):\n${stack.log().slice(-8000)}`))
    const env = stack.env as Record<string, string>
    const key = env.SERVICE_ROLE_KEY as string
    const headers = { apikey: key, authorization: `Bearer ${key}`, 'content-type': 'application/json' }

    // A live subscriber: every acknowledged insert must reach it too, once.
    const { supabase, delivered } = await subscribeToWrites(env, 'chaos')

    const admin = new pg.Client({ connectionString: env.DB_URL })
    await admin.connect()
    // Changes flow once the first one arrives (a fresh stack may still be creating its slot, and
    // on a loaded machine the first probe can be written before the stream has started): a probe
    // every 2 s (ids 0, -1, …) until one arrives.
    let probes = 0
    let lastProbeAt = 0
    const flowing = await eventually(async () => {
      if (delivered.size > 0) return true
      if (Date.now() - lastProbeAt >= 2_000) {
        await admin.query(`insert into public.chaos_writes values ($1, 'warm-up')`, [-probes])
        probes += 1
        lastProbeAt = Date.now()
      }
      return false
    }, 30_000)
    await admin.end()
    expect(flowing).toBe(true)

    const answers: Answer[] = []
    const networkErrors: string[] = []
    const acknowledged: number[] = []
    let nextId = 1
    let running = true
    const answer = async (res: Response): Promise<Answer> => {
      const text = await res.text()
      const code = res.status >= 400 ? (JSON.parse(text) as { code?: string }).code : undefined
      return { status: res.status, code }
    }
    const worker = async () => {
      while (running) {
        const id = nextId++
        try {
          const write = await answer(
            await fetch(`${env.REST_URL}/chaos_writes`, {
              method: 'POST',
              headers: { ...headers, prefer: 'return=minimal' },
              body: JSON.stringify({ id, note: `write ${id}` }),
            }),
          )
          answers.push(write)
          if (write.status === 201) acknowledged.push(id)
          answers.push(await answer(await fetch(`${env.REST_URL}/chaos_writes?select=id&id=gte.${id - 5}`, { headers })))
        } catch (error) {
          networkErrors.push(String(error))
        }
      }
    }
    const workers = Array.from({ length: 8 }, worker)
    for (let round = 0; round < 8; round++) {
      await new Promise((resolve) => setTimeout(resolve, 400))
      await cutConnections(env.DB_URL as string)
    }
    running = false
    await Promise.all(workers)

    // Every request got an answer from the server: success, or 503 saying the connection was lost.
    expect(networkErrors).toEqual([])
    expect(stack.exited()).toBe(false)
    const failures = answers.filter((a) => a.status >= 300)
    for (const failure of failures) expect(failure).toEqual({ status: 503, code: 'PGRST001' })
    expect(answers.length - failures.length).toBeGreaterThan(0)

    // Still serving.
    const after = await fetch(`${env.REST_URL}/chaos_writes?select=id`, { headers })
    expect(after.status).toBe(200)

    // No acknowledged write is lost: in the table, and delivered live exactly once.
    const check = new pg.Client({ connectionString: env.DB_URL })
    await check.connect()
    const { rows } = await check.query<{ id: string }>('select id from public.chaos_writes')
    await check.end()
    const stored = new Set(rows.map((r) => Number(r.id)))
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([])
    const allDelivered = await eventually(() => acknowledged.every((id) => delivered.has(id)), 30_000)
    expect(acknowledged.filter((id) => !delivered.has(id))).toEqual([])
    expect(allDelivered).toBe(true)
    expect([...delivered.values()].filter((n) => n !== 1)).toEqual([])

    await supabase.removeAllChannels()
  })

  it('survives the replication stream being cut over and over, and still delivers every change once', { timeout: 180_000 }, async () => {
    onTestFailed(() => console.error(`stack log (exited: ${stack.exited()}):\n${stack.log().slice(-8000)}`))
    const env = stack.env as Record<string, string>
    const { supabase, delivered } = await subscribeToWrites(env, 'storm')
    const writer = new pg.Client({ connectionString: env.DB_URL })
    await writer.connect()
    await writer.query(`insert into public.chaos_writes values (99999, 'warm-up')`)
    expect(await eventually(() => delivered.has(99_999), 20_000)).toBe(true)
    const killer = new pg.Client({ connectionString: env.DB_URL })
    await killer.connect()
    const written: number[] = []
    // Kill each new connection of the stack as soon as it shows up, many times, while writing.
    let storming = true
    const writerPid = (await writer.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid
    const storm = (async () => {
      let kills = 0
      while (storming) {
        // The stream and the stack's other connections (it checks the slot before streaming).
        const { rows } = await killer.query<{ n: string }>(
          `select count(*) filter (where pg_terminate_backend(pid)) as n from pg_stat_activity
            where backend_type in ('walsender', 'client backend') and pid not in (pg_backend_pid(), $1)`,
          [writerPid],
        )
        kills += Number(rows[0]?.n ?? 0)
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
      return kills
    })()
    for (let round = 0; round < 80; round++) {
      const id = 100_000 + round
      await writer.query('insert into public.chaos_writes values ($1, $2)', [id, 'storm'])
      written.push(id)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    storming = false
    expect(await storm).toBeGreaterThan(5)
    await writer.end()
    await killer.end()

    expect(stack.exited()).toBe(false)
    await eventually(() => written.every((id) => delivered.has(id)), 60_000)
    expect(written.filter((id) => !delivered.has(id))).toEqual([])
    expect([...delivered.values()].filter((n) => n !== 1)).toEqual([])
    await supabase.removeAllChannels()
  })
})
