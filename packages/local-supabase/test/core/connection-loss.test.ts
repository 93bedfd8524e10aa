import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type CliProject,
  type CliStack,
  childPids,
  cli,
  cliProject,
  eventually,
  isRunning,
  postmasterPid,
  startCliStack,
  stopCliStack,
} from './cli-stack.ts'

// A function that keeps its connection busy long enough to be cut while in flight.
const migrations = {
  '20240101000000_slow.sql': `
    create function public.slow_one() returns int language sql as $$ select 1 from pg_sleep(2) $$;
    create function public.one() returns int language sql as $$ select 1 $$;`,
}

let project: CliProject
let stack: CliStack | null = null

beforeAll(async () => {
  project = await cliProject(migrations)
})
afterAll(async () => {
  if (stack) await stopCliStack(stack)
  await cli(project, 'stop').catch(() => undefined)
  await project.remove()
})

function rpc(env: Record<string, string>, fn: string) {
  const key = env.SERVICE_ROLE_KEY as string
  return fetch(`${env.API_URL}/rest/v1/rpc/${fn}`, {
    method: 'POST',
    headers: { apikey: key, authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: '{}',
  }).then(async (res) => ({ status: res.status, body: (await res.json()) as { code?: string; message?: string } }))
}

/** Waits until requests are running their SQL, then terminates every API connection. */
async function terminateClientBackends(dbUrl: string): Promise<number> {
  const admin = new pg.Client({ connectionString: dbUrl })
  admin.on('error', () => undefined)
  await admin.connect()
  try {
    await eventually(async () => {
      const { rows } = await admin.query<{ n: string }>(
        `select count(*) as n from pg_stat_activity where state = 'active' and query like '%slow_one%' and pid <> pg_backend_pid()`,
      )
      return Number(rows[0]?.n ?? 0) > 0
    }, 20_000)
    const { rows } = await admin.query<{ n: string }>(
      `select count(*) filter (where pg_terminate_backend(pid)) as n from pg_stat_activity
        where backend_type = 'client backend' and pid <> pg_backend_pid()`,
    )
    return Number(rows[0]?.n ?? 0)
  } finally {
    await admin.end()
  }
}

// Each case starts stacks through the CLI and waits on real restarts: slow on a busy machine.
describe('the stack when its database connections are lost', { timeout: 120_000 }, () => {
  it('answers requests whose connection was terminated with 503 PGRST001, keeps running, and serves the next ones', async () => {
    stack = await startCliStack(project)
    const inFlight = Array.from({ length: 12 }, () => rpc(stack!.env, 'slow_one'))
    expect(await terminateClientBackends(stack.env.DB_URL as string)).toBeGreaterThan(0)
    const answers = await Promise.all(inFlight)

    expect(stack.exited()).toBe(false)
    const cut = answers.filter((a) => a.status === 503)
    expect(cut.length).toBeGreaterThan(0)
    for (const answer of answers) expect([200, 503]).toContain(answer.status)
    for (const answer of cut) {
      expect(answer.body.code).toBe('PGRST001')
      expect(answer.body.message).toMatch(/connection was lost/)
    }
    const after = await Promise.all(Array.from({ length: 5 }, () => rpc(stack!.env, 'one')))
    expect(after.map((a) => a.status)).toEqual([200, 200, 200, 200, 200])
  })

  it('restarts PostgreSQL when it is killed, says so, and serves again', async () => {
    stack ??= await startCliStack(project)
    const before = await postmasterPid(project)
    expect(before).not.toBeNull()
    process.kill(before as number, 'SIGKILL')

    // Backends of the dead server may answer for a moment; wait for the restart itself.
    expect(await eventually(() => /PostgreSQL is back/.test(stack!.log()), 30_000)).toBe(true)
    expect(stack.log()).toMatch(/PostgreSQL stopped unexpectedly; restarting it/)
    const back = await eventually(async () => (await rpc(stack!.env, 'one').catch(() => null))?.status === 200, 30_000)
    expect(back).toBe(true)
    expect(stack.exited()).toBe(false)
    const after = await postmasterPid(project)
    expect(after).not.toBe(before)
  })

  it('does not leave PostgreSQL running when the stack process is killed; the next start works', async () => {
    stack ??= await startCliStack(project)
    const server = await postmasterPid(project)
    expect(server).not.toBeNull()
    stack.child.kill('SIGKILL')
    expect(await eventually(() => !isRunning(server as number), 20_000)).toBe(true)

    stack = await startCliStack(project)
    expect((await rpc(stack.env, 'one')).status).toBe(200)
  })

  it('stop and start take care of a server left behind when the stack and its guardian were both killed', async () => {
    stack ??= await startCliStack(project)
    const server = await postmasterPid(project)
    const guardians = await childPids(stack.child.pid as number)
    expect(guardians.length).toBeGreaterThan(0)
    for (const pid of [stack.child.pid as number, ...guardians]) process.kill(pid, 'SIGKILL')
    await eventually(() => stack!.exited(), 5_000)
    stack = null
    // Orphaned: nothing is left to stop it.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(isRunning(server as number)).toBe(true)

    const { stderr } = await cli(project, 'stop')
    expect(stderr).toMatch(/stopped PostgreSQL left running without its stack/)
    expect(isRunning(server as number)).toBe(false)

    // And start adopts the data directory of a server orphaned the same way.
    stack = await startCliStack(project)
    const second = await postmasterPid(project)
    const guardians2 = await childPids(stack.child.pid as number)
    for (const pid of [stack.child.pid as number, ...guardians2]) process.kill(pid, 'SIGKILL')
    await eventually(() => stack!.exited(), 5_000)
    stack = await startCliStack(project)
    expect(stack.log()).toMatch(/stopping the PostgreSQL server an earlier stack left running/)
    expect(isRunning(second as number)).toBe(false)
    expect((await rpc(stack.env, 'one')).status).toBe(200)
  })
})
