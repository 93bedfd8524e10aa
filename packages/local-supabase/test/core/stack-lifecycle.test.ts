import { rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort, startTestStack, tempDir } from '../../src/testing/index.ts'

const dirs: string[] = []
async function trackedDir(prefix: string) {
  const dir = await tempDir(prefix)
  dirs.push(dir)
  return dir
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(sql, values)).rows
  } finally {
    await client.end()
  }
}

describe('stack lifecycle', () => {
  it('keeps data across stop and restart of the same data directory', async () => {
    const dataDir = await trackedDir('ls-restart-')
    const migrationsDir = await trackedDir('ls-restart-migrations-')
    const first = await startTestStack({ config: { dataDir, migrationsDir } })
    await query(first.info.DB_URL, 'create table public.kept (id int primary key, note text)')
    await query(first.info.DB_URL, `insert into public.kept values (1, 'still here')`)
    await first.stop()

    const second = await startTestStack({ config: { dataDir, migrationsDir } })
    try {
      const rows = await query(second.info.DB_URL, 'select * from public.kept')
      expect(rows).toEqual([{ id: 1, note: 'still here' }])
      const health = await fetch(`${second.info.API_URL}/auth/v1/health`)
      expect(health.status).toBe(200)
    } finally {
      await second.stop()
    }
  })

  it('says clearly when the database port is already taken', async () => {
    const port = await freePort()
    const blocker = net.createServer().listen(port, '127.0.0.1')
    await new Promise((r) => blocker.once('listening', r))
    try {
      await expect(
        startTestStack({ config: { dbPort: port, dataDir: await trackedDir('ls-port-') } }),
      ).rejects.toThrow(new RegExp(`Port ${port} .* already in use`))
    } finally {
      blocker.close()
    }
  })

  it('removes a stale postmaster.pid left by a crash and starts', async () => {
    const dataDir = await trackedDir('ls-stale-')
    const migrationsDir = await trackedDir('ls-stale-migrations-')
    const first = await startTestStack({ config: { dataDir, migrationsDir } })
    await first.stop()
    // A pid that cannot be alive: the kernel's pid_max is far below this.
    await writeFile(path.join(dataDir, 'db', 'postmaster.pid'), '99999999\n/tmp\n')
    const second = await startTestStack({ config: { dataDir, migrationsDir } })
    try {
      const rows = await query<{ ok: number }>(second.info.DB_URL, 'select 1 as ok')
      expect(rows).toEqual([{ ok: 1 }])
    } finally {
      await second.stop()
    }
  })

  it('uses an existing server through DATABASE_URL instead of starting one', async () => {
    const migrationsDir = await trackedDir('ls-url-migrations-')
    const owner = await startTestStack({ config: { migrationsDir } })
    try {
      const guest = await startTestStack({
        config: { databaseUrl: owner.info.DB_URL, migrationsDir, dataDir: await trackedDir('ls-url-') },
      })
      try {
        expect(guest.info.DB_URL).toBe(owner.info.DB_URL)
        const health = await fetch(`${guest.info.API_URL}/auth/v1/health`)
        expect(health.status).toBe(200)
      } finally {
        await guest.stop()
      }
      // The borrowed server is still up after the guest stack stopped.
      expect(await query<{ ok: number }>(owner.info.DB_URL, 'select 1 as ok')).toEqual([{ ok: 1 }])
    } finally {
      await owner.stop()
    }
  })
})
