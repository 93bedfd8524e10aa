import type { JobRow } from '@repo/database/types'
import { formatDateTime } from '@repo/domain/dates'
import { formatCents } from '@repo/domain/money'
import { Card } from '@repo/ui/card'
import { EmptyState } from '@repo/ui/empty-state'
import Link from 'next/link'
import { JobStatusBadge } from './job-status-badge'

export function JobList({
  jobs,
  timeZone,
  currency,
  emptyTitle,
}: { jobs: JobRow[]; timeZone: string; currency: string; emptyTitle: string }) {
  if (jobs.length === 0) return <EmptyState title={emptyTitle} />
  return (
    <Card className="overflow-hidden p-0">
      <ul className="divide-y divide-slate-200">
        {jobs.map((job) => (
          <li key={job.id}>
            <Link
              href={`/appointments/${job.id}`}
              className="flex min-h-14 items-center justify-between gap-3 p-4 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-700"
              data-testid="job-row"
            >
              <span className="min-w-0">
                <span className="block truncate font-medium text-slate-900">{job.title}</span>
                <span className="block text-sm text-slate-700">{formatDateTime(job.scheduled_start, timeZone)}</span>
              </span>
              <span className="flex shrink-0 flex-col items-end gap-1">
                <JobStatusBadge status={job.status} />
                {job.price_cents !== null ? <span className="text-sm text-slate-700">{formatCents(job.price_cents, currency)}</span> : null}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  )
}
