import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { clusterDirFor } from '../../src/db/embedded-postgres.ts'
import { processAlive } from '../../src/db/postgres/postmaster-pid.ts'
import { freePort, tempDir } from '../../src/testing/index.ts'

const run = promisify(execFile)
const bin = path.resolve(import.meta.dirname, '../../bin/local-supabase.js')

/** A throwaway project (config.toml + migrations) for stacks started through the CLI. */
export interface CliProject {
  dir: string
  dataDir: string
  apiPort: number
  dbPort: number
  remove(): Promise<void>
}

export async function cliProject(migrations: Record<string, string>): Promise<CliProject> {
  const dir = await tempDir('ls-cli-stack-')
  await mkdir(path.join(dir, 'supabase', 'migrations'), { recursive: true })
  await writeFile(path.join(dir, 'supabase', 'config.toml'), 'project_id = "cli-stack-test"\n')
  for (const [name, sql] of Object.entries(migrations)) {
    await writeFile(path.join(dir, 'supabase', 'migrations', name), sql)
  }
  return {
    dir,
    dataDir: path.join(dir, '.supabase', 'local'),
    apiPort: await freePort(),
    dbPort: await freePort(),
    remove: () => rm(dir, { recursive: true, force: true }),
  }
}

/** A `local-supabase start` in its own process: killable, with its output kept. */
export interface CliStack {
  child: ChildProcess
  env: Record<string, string>
  /** Everything the process wrote to stderr so far (its log). */
  log(): string
  exited(): boolean
}

const cliEnv = (project: CliProject) => ({
  ...process.env,
  LOCAL_SUPABASE_PROJECT_DIR: project.dir,
  LOCAL_SUPABASE_LOG_LEVEL: 'info',
  DATABASE_URL: '',
})

export function startCliStack(project: CliProject): Promise<CliStack> {
  const child = spawn(
    process.execPath,
    [bin, 'start', '--api-port', String(project.apiPort), '--db-port', String(project.dbPort), '--mail-port', '0', '--smtp-port', '0', '--data-dir', project.dataDir],
    { env: cliEnv(project), stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stdout = ''
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (!stdout.includes('JWT_SECRET=')) return
      const env = Object.fromEntries(
        stdout.trim().split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
      )
      resolve({ child, env, log: () => stderr, exited: () => child.exitCode !== null || child.signalCode !== null })
    })
    child.once('exit', (code) => reject(new Error(`start exited early with ${code}:\n${stderr}`)))
  })
}

/** Runs another CLI command (stop, status, …) against the project. */
export function cli(project: CliProject, ...args: string[]) {
  return run(process.execPath, [bin, ...args, '--data-dir', project.dataDir], { env: cliEnv(project) })
}

/** The pid in the cluster's postmaster.pid (the running server), or null. */
export async function postmasterPid(project: CliProject): Promise<number | null> {
  try {
    const text = await readFile(path.join(clusterDirFor(project.dataDir), 'postmaster.pid'), 'utf8')
    return Number(text.split('\n')[0]) || null
  } catch {
    return null
  }
}

/** Direct children of a process (the stack's guardian, say). */
export async function childPids(pid: number): Promise<number[]> {
  const { stdout } = await run('ps', ['-o', 'pid=', '--ppid', String(pid)]).catch(() => ({ stdout: '' }))
  return stdout.split('\n').map((s) => Number(s.trim())).filter((n) => n > 0)
}

/** Polls until `check` holds or `timeoutMs` passes; resolves with the last result. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await check()) return true
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

export const isRunning = processAlive

/** Stops a CLI stack (SIGTERM) and waits for it to exit. */
export async function stopCliStack(stack: CliStack): Promise<void> {
  if (stack.exited()) return
  const exited = new Promise((resolve) => stack.child.once('exit', resolve))
  stack.child.kill('SIGTERM')
  await exited
}
