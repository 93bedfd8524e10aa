import type { FieldJob } from '@repo/database/repositories'
import { formatTime } from '@repo/domain/dates'
import { jobStatusLabel, jobStatusTone } from '@repo/domain/jobs'
import { Badge } from '@repo/ui/badge'
import Link from 'next/link'
import { VisitContact } from './visit-details.tsx'

/** One visit on My day: when, what, where and who, with a way into the job screen. */
export function VisitCard({ job, timeZone }: { job: FieldJob; timeZone: string }) {
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="visit">
      <div className="mb-2 flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-semibold text-sky-900">
            {formatTime(job.scheduled_start, timeZone)}–{formatTime(job.scheduled_end, timeZone)}
          </p>
          <p className="break-words text-slate-700">{job.service?.name ?? job.title}</p>
        </div>
        <Badge tone={jobStatusTone[job.status]}>{jobStatusLabel[job.status]}</Badge>
      </div>
      <VisitContact job={job} />
      <Link
        href={`/my-day/${job.id}`}
        className="mt-3 flex min-h-12 items-center justify-center rounded-lg bg-sky-700 px-4 font-semibold text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
      >
        Open job
      </Link>
    </li>
  )
}
