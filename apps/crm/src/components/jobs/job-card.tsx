'use client'

import { useAction, useActionForm } from '@repo/actions/form'
import type { JobRow, StaffMemberRow } from '@repo/database/types'
import { formatDateTime, formatTimeRange, fromZonedInputValue, toZonedInputValue } from '@repo/domain/dates'
import {
  allowedNextStatuses,
  hasPendingReschedule,
  isJobOpen,
  type JobStatus,
  jobStatusLabel,
  jobStatusTone,
} from '@repo/domain/jobs'
import { formatCents } from '@repo/domain/money'
import { can, canChangeJobStatus, canSetJobStatus } from '@repo/domain/staff'
import { Badge } from '@repo/ui/badge'
import { useState } from 'react'
import { assignTechnicianAction } from '@/actions/jobs/assign-technician-action.ts'
import { changeJobStatusAction } from '@/actions/jobs/change-job-status-action.ts'
import { rescheduleJobAction } from '@/actions/jobs/reschedule-job-action.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'

export function JobStatusBadge({ status }: { status: JobStatus }) {
  return (
    <span data-testid="job-status">
      <Badge tone={jobStatusTone[status]}>{jobStatusLabel[status]}</Badge>
    </span>
  )
}

/** One job with the actions the signed-in role may take on it. */
export function JobCard({ job, staff, customerName }: { job: JobRow; staff: StaffMemberRow[]; customerName?: string }) {
  const session = useStaffSession()
  const { timeZone } = session
  const [mode, setMode] = useState<'idle' | 'reschedule' | 'cancel'>('idle')
  const [start_, setStart] = useState(toZonedInputValue(job.scheduled_start, timeZone))
  const [end, setEnd] = useState(toZonedInputValue(job.scheduled_end, timeZone))
  const [reason, setReason] = useState('')
  const me = { id: session.staffId, role: session.role }
  const technician = staff.find((s) => s.id === job.technician_id)
  const close = () => setMode('idle')

  const status = useAction(changeJobStatusAction, { success: (j) => `Job ${jobStatusLabel[j.status].toLowerCase()}` })
  const assign = useAction(assignTechnicianAction, { success: 'Technician assigned' })
  const reschedule = useActionForm(rescheduleJobAction, {
    toInput: (form) => ({
      jobId: job.id,
      scheduledStart: fromZonedInputValue(String(form.get('start') ?? ''), timeZone),
      scheduledEnd: fromZonedInputValue(String(form.get('end') ?? ''), timeZone),
    }),
    success: 'Job rescheduled',
    onSuccess: close,
  })
  const cancel = useActionForm(changeJobStatusAction, {
    toInput: (form) => ({ jobId: job.id, status: 'cancelled' as const, reason: String(form.get('reason') ?? '') }),
    success: 'Job cancelled',
    onSuccess: close,
  })
  const pending = status.pending || assign.pending || reschedule.pending || cancel.pending

  const requested = hasPendingReschedule(job)
  const preferred = Array.isArray(job.reschedule_preferred_times) ? (job.reschedule_preferred_times as unknown[]).map(String) : []

  return (
    <article data-job-id={job.id} aria-label={job.title} className="rounded-xl border border-slate-200 bg-white p-3 text-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-semibold">{job.title}</h3>
          {customerName ? <p className="text-slate-700">{customerName}</p> : null}
          <p className="text-slate-700">{formatTimeRange(job.scheduled_start, job.scheduled_end, timeZone)}</p>
          <p className="text-slate-600">
            {technician ? `Technician: ${technician.full_name}` : 'Unassigned'} · {formatCents(job.price_cents)}
          </p>
        </div>
        <JobStatusBadge status={job.status} />
      </div>
      {requested ? (
        <div data-testid="reschedule-request" className="mt-2 rounded-lg bg-violet-50 p-2 text-violet-950">
          <p className="font-medium">Customer asked to reschedule</p>
          {job.reschedule_note ? <p>“{job.reschedule_note}”</p> : null}
          {preferred.length > 0 ? (
            <p>Preferred: {preferred.map((t) => (Number.isNaN(Date.parse(t)) ? t : formatDateTime(t, timeZone))).join('; ')}</p>
          ) : null}
        </div>
      ) : null}
      {job.status === 'cancelled' && job.cancellation_reason ? (
        <p className="mt-2 text-red-900">Cancelled: {job.cancellation_reason}</p>
      ) : null}

      <div className="mt-3 flex flex-wrap gap-2">
        {canChangeJobStatus(me, job)
          ? allowedNextStatuses(job.status)
              .filter((s) => s !== 'cancelled' && canSetJobStatus(me, job, s))
              .map((s) => (
                <button
                  key={s}
                  type="button"
                  disabled={pending}
                  onClick={() => status.run({ jobId: job.id, status: s })}
                  className="min-h-9 rounded-lg border border-slate-300 px-3 hover:bg-slate-50 disabled:opacity-50"
                >
                  Mark {jobStatusLabel[s].toLowerCase()}
                </button>
              ))
          : null}
        {can(session.role, 'jobs.schedule') && isJobOpen(job.status) ? (
          <button type="button" onClick={() => setMode(mode === 'reschedule' ? 'idle' : 'reschedule')} className="min-h-9 rounded-lg border border-slate-300 px-3">
            Reschedule
          </button>
        ) : null}
        {canSetJobStatus(me, job, 'cancelled') && allowedNextStatuses(job.status).includes('cancelled') ? (
          <button type="button" onClick={() => setMode(mode === 'cancel' ? 'idle' : 'cancel')} className="min-h-9 rounded-lg border border-red-300 px-3 text-red-800">
            Cancel job
          </button>
        ) : null}
        {can(session.role, 'jobs.assign') && isJobOpen(job.status) ? (
          <label className="inline-flex items-center gap-1">
            <span className="sr-only">Assign technician for {job.title}</span>
            <select
              value={job.technician_id ?? ''}
              disabled={pending}
              onChange={(e) => assign.run({ jobId: job.id, technicianId: e.target.value || null })}
              className="min-h-9 rounded-lg border border-slate-300 bg-white px-2"
            >
              <option value="">Unassigned</option>
              {staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.full_name} ({s.role})
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>

      {mode === 'reschedule' ? (
        <form {...reschedule.formProps} className="mt-3 grid gap-2 sm:grid-cols-3">
          <label className="text-sm">
            New start
            <input type="datetime-local" name="start" value={start_} onChange={(e) => setStart(e.target.value)} aria-invalid={reschedule.fieldError('scheduledStart') ? true : undefined} className="mt-1 block w-full rounded-lg border border-slate-300 px-2 py-1" />
            {reschedule.fieldError('scheduledStart') ? <span className="text-red-800">{reschedule.fieldError('scheduledStart')}</span> : null}
          </label>
          <label className="text-sm">
            New end
            <input type="datetime-local" name="end" value={end} onChange={(e) => setEnd(e.target.value)} aria-invalid={reschedule.fieldError('scheduledEnd') ? true : undefined} className="mt-1 block w-full rounded-lg border border-slate-300 px-2 py-1" />
            {reschedule.fieldError('scheduledEnd') ? <span className="text-red-800">{reschedule.fieldError('scheduledEnd')}</span> : null}
          </label>
          <div className="flex items-end">
            <button type="submit" disabled={pending} className="min-h-9 rounded-lg bg-sky-700 px-3 font-semibold text-white disabled:opacity-50">
              Save new time
            </button>
          </div>
        </form>
      ) : null}

      {mode === 'cancel' ? (
        <form {...cancel.formProps} className="mt-3 flex flex-wrap items-end gap-2">
          <label className="flex-1 text-sm">
            Reason for cancelling
            <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={cancel.fieldError('reason') ? true : undefined} className="mt-1 block w-full rounded-lg border border-slate-300 px-2 py-1" />
            {cancel.fieldError('reason') ? <span className="text-red-800">{cancel.fieldError('reason')}</span> : null}
          </label>
          <button type="submit" disabled={pending} className="min-h-9 rounded-lg bg-red-700 px-3 font-semibold text-white disabled:opacity-50">
            Cancel job
          </button>
        </form>
      ) : null}
    </article>
  )
}
