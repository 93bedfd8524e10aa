import { Cron } from 'croner'
import type pg from 'pg'
import { isConnectionFailure } from '../db/connection-errors.ts'
import type { Logger } from '../log.ts'

/**
 * Runs the jobs of `cron.job` (pg_cron's table, created by bootstrap.sql) on their schedules, as
 * pg_cron does on Supabase: each run as the database owner, one run of a job at a time, every run
 * recorded in `cron.job_run_details`. Schedules are five-field cron expressions in UTC (or
 * `@daily`-style names) or pg_cron's `N seconds`.
 */
export interface CronScheduler {
  close(): Promise<void>
}

interface JobRow {
  jobid: string
  jobname: string | null
  schedule: string
  command: string
}

interface Planned {
  schedule: string
  next: number
  running: boolean
}

const SECONDS = /^\s*(\d+)\s+seconds?\s*$/

/** When a schedule next fires after `from` (ms); null if it never will or cannot be read. */
export function nextRunAfter(schedule: string, from: number): number | null {
  const seconds = SECONDS.exec(schedule)
  if (seconds) {
    const step = Number(seconds[1]) * 1000
    return step > 0 ? from + step : null
  }
  try {
    return new Cron(schedule.trim(), { paused: true, timezone: 'UTC' }).nextRun(new Date(from))?.getTime() ?? null
  } catch {
    return null
  }
}

export function startCronScheduler(pool: pg.Pool, log: Logger, options: { tickMs?: number } = {}): CronScheduler {
  const tickMs = options.tickMs ?? 1000
  const plans = new Map<string, Planned>()
  const runs = new Set<Promise<void>>()
  let closed = false
  let timer: NodeJS.Timeout | null = null
  let enabled: boolean | null = null

  async function runJob(job: JobRow, plan: Planned): Promise<void> {
    plan.running = true
    let client: pg.PoolClient | null = null
    let runid: string | null = null
    try {
      client = await pool.connect()
      const started = await client.query<{ runid: string }>(
        `insert into cron.job_run_details (jobid, job_pid, database, username, command, status, start_time)
         values ($1, pg_backend_pid(), current_database(), current_user, $2, 'running', clock_timestamp())
         returning runid`,
        [job.jobid, job.command],
      )
      runid = started.rows[0]?.runid ?? null
      const result = await client.query(job.command)
      const last = Array.isArray(result) ? result.at(-1) : result
      const message = last?.command ? `${last.command}${last.rowCount === null ? '' : ` ${last.rowCount}`}` : ''
      await client.query(
        `update cron.job_run_details set status = 'succeeded', return_message = $2, end_time = clock_timestamp() where runid = $1`,
        [runid, message],
      )
    } catch (error) {
      const message = (error as Error).message
      log.warn('cron job failed', { job: job.jobname ?? job.jobid, error: message })
      if (client && runid && !isConnectionFailure(error)) {
        await client
          .query(
            `update cron.job_run_details set status = 'failed', return_message = $2, end_time = clock_timestamp() where runid = $1`,
            [runid, message],
          )
          .catch(() => undefined)
      }
    } finally {
      client?.release()
      plan.running = false
    }
  }

  async function tick(): Promise<void> {
    if (enabled === null) {
      // A server with the real pg_cron (DATABASE_URL) runs its own jobs.
      const { rows } = await pool.query<{ local: boolean }>(
        `select to_regclass('cron.job') is not null and not exists (select 1 from pg_extension where extname = 'pg_cron') as local`,
      )
      enabled = rows[0]?.local ?? false
    }
    if (!enabled) return
    const { rows } = await pool.query<JobRow>(
      'select jobid::text, jobname, schedule, command from cron.job where active order by jobid',
    )
    const now = Date.now()
    const seen = new Set<string>()
    for (const job of rows) {
      seen.add(job.jobid)
      let plan = plans.get(job.jobid)
      if (!plan || plan.schedule !== job.schedule) {
        const next = nextRunAfter(job.schedule, now)
        if (next === null) log.warn('cron job has a schedule this stack cannot read', { job: job.jobname ?? job.jobid, schedule: job.schedule })
        plan = { schedule: job.schedule, next: next ?? Number.POSITIVE_INFINITY, running: plan?.running ?? false }
        plans.set(job.jobid, plan)
      }
      if (now >= plan.next && !plan.running) {
        plan.next = nextRunAfter(job.schedule, now) ?? Number.POSITIVE_INFINITY
        const run = runJob(job, plan)
        runs.add(run)
        void run.finally(() => runs.delete(run))
      }
    }
    for (const id of plans.keys()) if (!seen.has(id)) plans.delete(id)
  }

  const loop = () => {
    if (closed) return
    tick()
      .catch((error) => {
        if (!isConnectionFailure(error)) log.warn('cron scheduler tick failed', { error: (error as Error).message })
      })
      .finally(() => {
        if (!closed) timer = setTimeout(loop, tickMs)
      })
  }
  timer = setTimeout(loop, 0)

  return {
    async close() {
      closed = true
      if (timer) clearTimeout(timer)
      await Promise.allSettled([...runs])
    },
  }
}
