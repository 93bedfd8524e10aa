import type { JobRow } from '@repo/database/types'
import { formatDateTime, type TimeZone } from '@repo/domain/dates'
import { hasPendingReschedule } from '@repo/domain/jobs'
import { cn } from '@repo/ui/cn'

/** The customer's pending request to reschedule: their note and preferred times, if any. */
export function RescheduleRequestNote({
  job,
  timeZone,
  className,
}: {
  job: JobRow
  timeZone: TimeZone
  className?: string
}) {
  if (!hasPendingReschedule(job)) return null
  const preferred = Array.isArray(job.reschedule_preferred_times)
    ? (job.reschedule_preferred_times as unknown[]).map(String)
    : []
  return (
    <div
      data-testid="reschedule-request"
      className={cn('rounded-lg bg-violet-50 p-2 text-violet-950', className)}
    >
      <p className="font-medium">Customer asked to reschedule</p>
      {job.reschedule_note ? <p>“{job.reschedule_note}”</p> : null}
      {preferred.length > 0 ? (
        <p>
          Preferred:{' '}
          {preferred
            .map((t) => (Number.isNaN(Date.parse(t)) ? t : formatDateTime(t, timeZone)))
            .join('; ')}
        </p>
      ) : null}
    </div>
  )
}
