import { getFieldJob, getJobSignature, listChecklistTicks } from '@repo/database/repositories'
import { formatDay, formatTime } from '@repo/domain/dates'
import { workSummary } from '@repo/domain/field-work'
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PositionSharing } from '@/components/field-work/position-sharing.tsx'
import { VisitChecklist } from '@/components/field-work/visit-checklist.tsx'
import { VisitContact } from '@/components/field-work/visit-details.tsx'
import { VisitSignature } from '@/components/field-work/visit-signature.tsx'
import { VisitStatusActions } from '@/components/field-work/visit-status-actions.tsx'
import { VisitOnSite } from '@/components/field-work/visit-on-site.server.tsx'
import { LiveRefresh } from '@/live/live-refresh.tsx'
import { OfflineVisit } from '@/offline/offline-visit.tsx'
import { VisitPending } from '@/offline/visit-pending.tsx'
import { VisitStatusBadge } from '@/offline/visit-status-badge.tsx'
import { requireStaff } from '@/lib/staff-context.ts'
import { nullIfNotFound } from '@repo/actions/errors'

const onSiteTables = [
  'job_checklist_ticks',
  'job_notes',
  'job_line_items',
  'attachments',
  'payments',
  'invoices',
] as const

export const metadata: Metadata = { title: 'Job' }

/** The technician's screen for one visit: the next step, where to go, the checklist. */
export default async function VisitPage({ params }: { params: Promise<{ jobId: string }> }) {
  const { jobId } = await params
  const { supabase, staff, organization } = await requireStaff()
  const job = await nullIfNotFound(getFieldJob(supabase, jobId))
  if (!job) notFound()
  const [ticks, signature] = await Promise.all([
    listChecklistTicks(supabase, job.id),
    getJobSignature(supabase, job.id),
  ])
  const done = ticks.map((t) => t.item)
  const zone = organization.timezone
  const mine = job.technician_id === staff.id
  // During the visit the checklist comes first and finishing (with the signature) below it.
  const finishing = job.status === 'in_progress'
  const actions = (
    <VisitStatusActions
      job={job}
      customerName={
        job.customer ? `${job.customer.first_name} ${job.customer.last_name ?? ''}`.trim() : ''
      }
      summary={workSummary(job, done)}
    />
  )
  const screen = (
    <div className="mx-auto max-w-xl space-y-5">
      <LiveRefresh tables={['jobs']} recordId={job.id} />
      {/* What the technician adds on site: the office's open view follows it. */}
      <LiveRefresh tables={onSiteTables} />
      <Link
        href="/my-day"
        className="inline-flex min-h-11 items-center text-sky-800 hover:underline"
      >
        ← My day
      </Link>
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold break-words">{job.service?.name ?? job.title}</h1>
          <p className="text-slate-700">
            {formatDay(job.scheduled_start, zone)} · {formatTime(job.scheduled_start, zone)}–
            {formatTime(job.scheduled_end, zone)}
          </p>
        </div>
        <VisitStatusBadge />
      </div>
      <VisitPending />
      {finishing ? null : actions}
      {mine && job.status === 'en_route' ? <PositionSharing jobId={job.id} /> : null}
      <VisitContact job={job} />
      <VisitChecklist items={job.service?.checklist ?? []} />
      <VisitOnSite supabase={supabase} job={job} staff={staff} organization={organization} />
      {finishing ? actions : null}
      {signature ? <VisitSignature signature={signature} timeZone={zone} /> : null}
    </div>
  )
  // The screen shows the job with the changes still queued on this phone laid over it.
  return (
    <OfflineVisit job={job} done={done}>
      {screen}
    </OfflineVisit>
  )
}
