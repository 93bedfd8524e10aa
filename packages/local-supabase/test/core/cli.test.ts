import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, tempDir } from '../../src/testing/index.ts'

const run = promisify(execFile)
const bin = path.resolve(import.meta.dirname, '../../bin/local-supabase.js')

let projectDir: string
let dataDir: string
let apiPort: number
let dbPort: number
let child: ChildProcess
let startOutput = ''

const cli = (...args: string[]) =>
  run(process.execPath, [bin, ...args, '--data-dir', dataDir], {
    env: { ...process.env, LOCAL_SUPABASE_PROJECT_DIR: projectDir, DATABASE_URL: '' },
  })

beforeAll(async () => {
  projectDir = await tempDir('ls-cli-project-')
  dataDir = path.join(projectDir, '.supabase', 'local')
  await mkdir(path.join(projectDir, 'supabase', 'migrations'), { recursive: true })
  await writeFile(path.join(projectDir, 'supabase', 'config.toml'), 'project_id = "cli-test"\n')
  await writeFile(
    path.join(projectDir, 'supabase', 'migrations', '20240101000000_notes.sql'),
    'create table public.notes (id int primary key, body text);',
  )
  await writeFile(path.join(projectDir, 'supabase', 'seed.sql'), `insert into public.notes values (1, 'seeded');`)
  apiPort = await freePort()
  dbPort = await freePort()
  child = spawn(
    process.execPath,
    [bin, 'start', '--api-port', String(apiPort), '--db-port', String(dbPort), '--mail-port', '0', '--smtp-port', '0', '--data-dir', dataDir, '--seed-if-new'],
    { env: { ...process.env, LOCAL_SUPABASE_PROJECT_DIR: projectDir, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      startOutput += chunk.toString()
      if (startOutput.includes('JWT_SECRET=')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`start exited early with ${code}`)))
  })
})

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGTERM')
  await rm(projectDir, { recursive: true, force: true })
})

describe('local-supabase CLI', () => {
  it('start prints the supabase status -o env names once ready', () => {
    const env = Object.fromEntries(
      startOutput.trim().split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
    )
    expect(env.API_URL).toBe(`http://127.0.0.1:${apiPort}`)
    expect(env.DB_URL).toBe(`postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres`)
    expect(env.ANON_KEY).toMatch(/^eyJ/)
    expect(env.SERVICE_ROLE_KEY).toMatch(/^eyJ/)
    expect(env.PUBLISHABLE_KEY).toBe('sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH')
    expect(env.SECRET_KEY).toBe('sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz')
    expect(env.JWT_SECRET).toBe('super-secret-jwt-token-with-at-least-32-characters-long')
  })

  it('applied the migrations and, on a new database, the seed', async () => {
    const client = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres` })
    await client.connect()
    const { rows } = await client.query('select * from public.notes')
    await client.end()
    expect(rows).toEqual([{ id: 1, body: 'seeded' }])
  })

  it('status prints the running stack as env lines and as JSON', async () => {
    const envOut = (await cli('status', '-o', 'env')).stdout
    expect(envOut).toContain(`API_URL=http://127.0.0.1:${apiPort}\n`)
    const json = JSON.parse((await cli('status', '-o', 'json')).stdout)
    expect(json.DB_URL).toBe(`postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres`)
    const pretty = (await cli('status')).stdout
    expect(pretty).toContain(`Publishable key:  ${json.PUBLISHABLE_KEY}\n`)
    expect(pretty).toContain(`Secret key:       ${json.SECRET_KEY}\n`)
    expect(pretty).toContain(`anon key:         ${json.ANON_KEY}\n`)
  })

  it('rejects an unknown command and a bad port with a usage error', async () => {
    const unknown = await cli('launch').catch((e: { code: number; stderr: string }) => e)
    expect(unknown).toMatchObject({ code: 2 })
    expect((unknown as { stderr: string }).stderr).toContain('Unknown command "launch"')
    const badPort = await cli('status', '--api-port', 'abc').catch((e: { code: number; stderr: string }) => e)
    expect(badPort).toMatchObject({ code: 2 })
    expect((badPort as { stderr: string }).stderr).toContain('--api-port must be a port number')
  })

  it('reset recreates the database, migrates and re-seeds while the stack runs', async () => {
    const url = `postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres`
    const before = new pg.Client({ connectionString: url })
    await before.connect()
    await before.query(`insert into public.notes values (2, 'added later')`)
    await before.end()
    await cli('reset')
    const after = new pg.Client({ connectionString: url })
    await after.connect()
    const { rows } = await after.query('select * from public.notes order by id')
    await after.end()
    expect(rows).toEqual([{ id: 1, body: 'seeded' }])
  })

  it('stop ends the foreground stack cleanly and status then reports nothing running', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    await cli('stop')
    expect(await exited).toBe(0)
    const status = await cli('status').catch((e: { code: number; stderr: string }) => e)
    expect(status).toMatchObject({ code: 1 })
    expect((status as { stderr: string }).stderr).toContain('No local stack is running')
  })
})
