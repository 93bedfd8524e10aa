import { execFile } from 'node:child_process'
import { userInfo } from 'node:os'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The uid/gid PostgreSQL runs as: none when we are not root (it runs as us). */
export interface RunAs {
  uid?: number
  gid?: number
}

async function idOf(flag: '-u' | '-g', name: string): Promise<number> {
  const { stdout } = await run('id', [flag, name])
  return Number.parseInt(stdout.trim(), 10)
}

/**
 * PostgreSQL refuses to run as root. As root, it runs as the `postgres` OS user, created on first
 * use (as the Debian package would).
 */
export async function postgresRunAs(): Promise<RunAs> {
  if (userInfo().uid !== 0) return {}
  try {
    return { uid: await idOf('-u', 'postgres'), gid: await idOf('-g', 'postgres') }
  } catch {
    try {
      await run('groupadd', ['--system', 'postgres']).catch(() => undefined)
      await run('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres'])
    } catch (error) {
      throw new Error(`Running as root, and the postgres OS user could not be created: ${(error as Error).message}`)
    }
    return { uid: await idOf('-u', 'postgres'), gid: await idOf('-g', 'postgres') }
  }
}
