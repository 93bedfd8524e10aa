'use client'

import { useAction } from '@repo/actions/form'
import type { JobRow, StaffMemberRow } from '@repo/database/types'
import { type DayKey, dayKey, formatDayKey, formatTimeRange } from '@repo/domain/dates'
import { Button } from '@repo/ui/button'
import { cn } from '@repo/ui/cn'
import { changeJobStatusAction } from '@/actions/jobs/change-job-status-action.ts'
import { JobStatusBadge } from '../job-card.tsx'
import { useDragHooks } from './drag-hooks.tsx'
import type { DragJob } from './job-block.tsx'

interface PanelProps {
  customerNames: Record<string, string>
  timeZone: string
  canSchedule: boolean
  selectedJobId: string | null
  onOpen: (jobId: string) => void
}

/** An unassigned job: dragged onto a technician's column to assign it (or opened, then Move). */
function UnassignedItem({
  job,
  draggable,
  ...props
}: PanelProps & { job: JobRow; draggable: boolean }) {
  const { useDrag } = useDragHooks()
  const drag = useDrag({
    id: `move:${job.id}`,
    data: { kind: 'move', jobId: job.id } satisfies DragJob,
    disabled: !draggable,
  })
  return (
    <article
      aria-label={job.title}
      data-job-id={job.id}
      className={cn(drag.isDragging && 'opacity-40')}
    >
      <button
        ref={drag.setNodeRef}
        {...drag.attributes}
        {...drag.listeners}
        type="button"
        onClick={() => props.onOpen(job.id)}
        className={cn(
          'block w-full touch-none rounded-lg border border-slate-300 bg-white p-2 text-left text-sm [overflow-wrap:anywhere]',
          'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-700',
          draggable ? 'cursor-grab' : 'cursor-pointer',
          job.id === props.selectedJobId && 'ring-2 ring-amber-500',
        )}
      >
        <span className="block font-semibold">{job.title}</span>
        <span className="block text-slate-700">
          {props.customerNames[job.customer_id] ?? 'Customer'}
        </span>
        <span className="block text-slate-700">
          {formatTimeRange(job.scheduled_start, job.scheduled_end, props.timeZone)}
        </span>
        <span className="mt-1 block">
          <JobStatusBadge status={job.status} />
        </span>
      </button>
    </article>
  )
}

/** An online booking waiting for the office: accept it, move it, or decline it with a reason. */
function BookingRequest({
  job,
  technician,
  onMove,
  onDecline,
  ...props
}: PanelProps & {
  job: JobRow
  technician: string | undefined
  onMove: (jobId: string) => void
  onDecline: (jobId: string) => void
}) {
  const accept = useAction(changeJobStatusAction, { success: 'Booking accepted' })
  return (
    <article
      aria-label={job.title}
      data-job-id={job.id}
      className={cn(
        'rounded-lg border border-amber-300 bg-white p-2 text-sm [overflow-wrap:anywhere]',
        job.id === props.selectedJobId && 'ring-2 ring-amber-500',
      )}
    >
      <button
        type="button"
        onClick={() => props.onOpen(job.id)}
        className="block text-left font-semibold text-sky-800 hover:underline"
      >
        {job.title}
      </button>
      <p className="text-slate-700">{props.customerNames[job.customer_id] ?? 'Customer'}</p>
      <p className="text-slate-700">
        {formatTimeRange(job.scheduled_start, job.scheduled_end, props.timeZone)}
      </p>
      <p className="text-slate-600">{technician ?? 'No technician yet'}</p>
      {job.notes ? <p className="mt-1 line-clamp-3 text-slate-700">“{job.notes}”</p> : null}
      <div className="mt-1">
        <JobStatusBadge status={job.status} />
      </div>
      {props.canSchedule ? (
        <div className="mt-2 flex flex-wrap gap-2">
          <Button
            size="sm"
            pending={accept.pending}
            onClick={() => accept.run({ jobId: job.id, status: 'scheduled' })}
          >
            Accept
          </Button>
          <Button size="sm" variant="secondary" onClick={() => onMove(job.id)}>
            Move
          </Button>
          <Button
            size="sm"
            variant="secondary"
            className="border-red-300 text-red-800 hover:bg-red-50"
            onClick={() => onDecline(job.id)}
          >
            Decline
          </Button>
        </div>
      ) : null}
    </article>
  )
}

/**
 * Beside the calendar: online booking requests first (they wait for an answer), then the jobs of
 * the visible days that have no technician, by day.
 */
export function SidePanel({
  requests,
  unassigned,
  days,
  staff,
  draggable,
  onMove,
  onDecline,
  ...props
}: PanelProps & {
  requests: JobRow[]
  unassigned: JobRow[]
  days: DayKey[]
  staff: StaffMemberRow[]
  draggable: boolean
  onMove: (jobId: string) => void
  onDecline: (jobId: string) => void
}) {
  const name = (id: string | null) => staff.find((s) => s.id === id)?.full_name
  const byDay = days
    .map((day) => ({
      day,
      jobs: unassigned.filter((j) => dayKey(j.scheduled_start, props.timeZone) === day),
    }))
    .filter((group) => group.jobs.length > 0)
  return (
    <aside
      aria-label="Booking requests and unassigned jobs"
      className="order-first min-w-0 space-y-4 lg:order-none"
    >
      <section
        aria-labelledby="booking-requests-heading"
        className="space-y-2 rounded-xl border border-amber-200 bg-amber-50/60 p-3"
      >
        <h2 id="booking-requests-heading" className="font-semibold text-amber-950">
          Booking requests <span className="font-normal">({requests.length})</span>
        </h2>
        {requests.length === 0 ? (
          <p className="text-sm text-slate-700">No booking requests waiting.</p>
        ) : null}
        {requests.map((job) => (
          <BookingRequest
            key={job.id}
            job={job}
            technician={name(job.technician_id)}
            onMove={onMove}
            onDecline={onDecline}
            {...props}
          />
        ))}
      </section>
      <div className="space-y-2 rounded-xl border border-slate-200 bg-slate-50 p-3">
        <h2 className="font-semibold">
          Unassigned <span className="font-normal">({unassigned.length})</span>
        </h2>
        {byDay.length === 0 ? (
          <p className="text-sm text-slate-700">Every job on these days has a technician.</p>
        ) : null}
        {draggable && byDay.length > 0 ? (
          <p className="text-xs text-slate-700">
            Drag a job onto a technician’s column, or open it and choose Move.
          </p>
        ) : null}
        {byDay.map(({ day, jobs }) => (
          <section key={day} aria-label={formatDayKey(day)} className="space-y-2">
            <h3 className="text-sm font-medium text-slate-700">{formatDayKey(day)}</h3>
            {jobs.map((job) => (
              <UnassignedItem key={job.id} job={job} draggable={draggable} {...props} />
            ))}
          </section>
        ))}
      </div>
    </aside>
  )
}
