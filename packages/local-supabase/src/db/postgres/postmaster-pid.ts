import { existsSync, readFileSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'

/** The first line of `postmaster.pid`: the server that owns (or owned) this data directory. */
export async function readPostmasterPid(pgData: string): Promise<number | null> {
  const file = path.join(pgData, 'postmaster.pid')
  if (!existsSync(file)) return null
  const pid = Number((await readFile(file, 'utf8')).split('\n')[0])
  return Number.isInteger(pid) && pid > 0 ? pid : null
}

export async function removePostmasterPid(pgData: string): Promise<void> {
  await rm(path.join(pgData, 'postmaster.pid'), { force: true })
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * True when `pid` is a live PostgreSQL server for `pgData`. A pid from a stale file may have been
 * reused by another program since; on Linux its command line tells them apart.
 */
export function isPostmasterOf(pid: number, pgData: string): boolean {
  if (!processAlive(pid)) return false
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
    return path.basename(cmdline[0] ?? '') === 'postgres' && cmdline.includes(pgData)
  } catch {
    // No /proc (macOS): a live process named in this directory's pid file is taken to be ours.
    return true
  }
}

/** Resolves once `pid` has exited, or false after `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (processAlive(pid)) {
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return true
}

/**
 * Stops a server by pid: SIGINT (fast shutdown: rolls back open transactions, writes a
 * checkpoint), then SIGQUIT (immediate shutdown, recovered from WAL on the next start).
 */
export async function stopPostmaster(pid: number): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name)
    } catch {
      // Already gone.
    }
  }
  signal('SIGINT')
  if (await waitForExit(pid, 15_000)) return
  signal('SIGQUIT')
  if (await waitForExit(pid, 5_000)) return
  signal('SIGKILL')
  await waitForExit(pid, 5_000)
}
