import type pg from 'pg'
import type { Logger } from '../log.ts'

/** How long rows of realtime.messages are kept: hosted Supabase drops partitions older than 72 h. */
export const MESSAGE_RETENTION_HOURS = 72

/** How often old rows are removed. */
const SWEEP_INTERVAL_MS = 60 * 60 * 1000

/** Removes messages older than the retention; returns how many went. */
export async function deleteOldMessages(pool: pg.Pool): Promise<number> {
  const { rowCount } = await pool.query(
    `delete from realtime.messages where inserted_at < now() - make_interval(hours => $1)`,
    [MESSAGE_RETENTION_HOURS],
  )
  return rowCount ?? 0
}

/** Removes old messages now and every hour after; returns the stop function. */
export function sweepOldMessages(pool: pg.Pool, log: Logger): () => void {
  const sweep = () => {
    deleteOldMessages(pool).then(
      (count) => {
        if (count > 0) log.info('removed old realtime.messages rows', { count })
      },
      (error: unknown) =>
        log.warn('removing old realtime.messages rows failed', { error: String(error) }),
    )
  }
  sweep()
  const timer = setInterval(sweep, SWEEP_INTERVAL_MS)
  timer.unref()
  return () => clearInterval(timer)
}
