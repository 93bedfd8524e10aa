import { describe, expect, it } from 'vitest'
import { nextRunAfter } from '../../src/cron/scheduler.ts'
import { withPg } from '../helpers.ts'

const at = (iso: string) => Date.parse(iso)

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const value = await read()
    if (done(value) || Date.now() > until) return value
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

describe("cron: pg_cron's interface, run by the stack", () => {
  it('reads five-field expressions in UTC, @-names and pg_cron seconds', () => {
    expect(nextRunAfter('* * * * *', at('2026-12-02T10:00:30Z'))).toBe(at('2026-12-02T10:01:00Z'))
    expect(nextRunAfter('*/15 * * * *', at('2026-12-02T10:01:00Z'))).toBe(at('2026-12-02T10:15:00Z'))
    expect(nextRunAfter('0 3 * * *', at('2026-12-02T10:00:00Z'))).toBe(at('2026-12-03T03:00:00Z'))
    expect(nextRunAfter('@daily', at('2026-12-02T10:00:00Z'))).toBe(at('2026-12-03T00:00:00Z'))
    expect(nextRunAfter('30 seconds', at('2026-12-02T10:00:00Z'))).toBe(at('2026-12-02T10:00:30Z'))
    expect(nextRunAfter('not a schedule', 0)).toBeNull()
  })

  it('runs a scheduled job, records each run, records failures, and stops when unscheduled', async () => {
    await withPg(async (pg) => {
      await pg.query('create table public.cron_ticks (id bigint generated always as identity, at timestamptz default now())')
      try {
        // Scheduling the same name twice replaces the job, as pg_cron does.
        await pg.query(`select cron.schedule('tick', '5 seconds', 'select 1')`)
        const { rows } = await pg.query<{ jobid: string }>(
          `select cron.schedule('tick', '1 seconds', 'insert into public.cron_ticks default values') as jobid`,
        )
        const jobid = rows[0]?.jobid
        expect((await pg.query(`select * from cron.job where jobname = 'tick'`)).rows).toEqual([
          expect.objectContaining({ schedule: '1 seconds', command: 'insert into public.cron_ticks default values', active: true }),
        ])
        const ticks = await waitFor(
          async () => (await pg.query<{ n: number }>('select count(*)::int as n from public.cron_ticks')).rows[0]?.n ?? 0,
          (n) => n >= 2,
        )
        expect(ticks).toBeGreaterThanOrEqual(2)
        const runs = await pg.query(`select status, return_message from cron.job_run_details where jobid = $1`, [jobid])
        expect(runs.rows).toContainEqual({ status: 'succeeded', return_message: 'INSERT 1' })

        await pg.query(`select cron.schedule('broken', '1 seconds', 'select * from public.no_such_table')`)
        const failed = await waitFor(
          async () =>
            (
              await pg.query(
                `select d.status, d.return_message from cron.job_run_details d join cron.job j using (jobid) where j.jobname = 'broken' and d.status <> 'running'`,
              )
            ).rows,
          (r) => r.length > 0,
        )
        expect(failed[0]).toEqual({ status: 'failed', return_message: 'relation "public.no_such_table" does not exist' })

        expect((await pg.query(`select cron.unschedule('tick') as ok`)).rows[0]).toEqual({ ok: true })
        await pg.query(`select cron.unschedule('broken')`)
        await new Promise((resolve) => setTimeout(resolve, 1500))
        const before = (await pg.query<{ n: number }>('select count(*)::int as n from public.cron_ticks')).rows[0]?.n
        await new Promise((resolve) => setTimeout(resolve, 2500))
        const after = (await pg.query<{ n: number }>('select count(*)::int as n from public.cron_ticks')).rows[0]?.n
        expect(after).toBe(before)
      } finally {
        await pg.query('drop table public.cron_ticks')
      }
    })
  })

  it('refuses a schedule it cannot read, and is closed to the API roles', async () => {
    await withPg(async (pg) => {
      await expect(pg.query(`select cron.schedule('bad', 'every tuesday', 'select 1')`)).rejects.toThrow(
        /invalid schedule: every tuesday/,
      )
      await expect(pg.query(`select cron.unschedule('never-scheduled')`)).rejects.toThrow(/could not find valid entry/)
      for (const role of ['anon', 'authenticated', 'service_role']) {
        const { rows } = await pg.query<{ usage: boolean; run: boolean }>(
          `select has_schema_privilege($1, 'cron', 'usage') as usage,
                  has_function_privilege($1, 'cron.schedule(text, text, text)', 'execute') as run`,
          [role],
        )
        expect(rows[0], role).toEqual({ usage: false, run: false })
      }
    })
  })
})
