'use client'

import { useAction, useActionForm } from '@repo/actions/form'
import type { JobRow, StaffMemberRow } from '@repo/database/types'
import { formatTimeRange, fromZonedInputValue, toZonedInputValue } from '@repo/domain/dates'
import {
  allowedNextStatuses,
  isJobOpen,
  type JobStatus,
  jobStatusLabel,
  jobStatusTone,
} from '@repo/domain/jobs'
import { formatCents } from '@repo/domain/money'
import { can, canChangeJobStatus, canSetJobStatus } from '@repo/domain/staff'
import { Badge } from '@repo/ui/badge'
import { Button } from '@repo/ui/button'
import { TextField } from '@repo/ui/field'
import { Label } from '@repo/ui/label'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import { useId, useState } from 'react'
import { HistoryLink } from '@/components/audit/history-link.tsx'
import { assignTechnicianAction } from '@/actions/jobs/assign-technician-action.ts'
import { changeJobStatusAction } from '@/actions/jobs/change-job-status-action.ts'
import { rescheduleJobAction } from '@/actions/jobs/reschedule-job-action.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { RescheduleRequestNote } from './reschedule-request-note.tsx'

export function JobStatusBadge({ status }: { status: JobStatus }) {
  return (
    <span data-testid="job-status">
      <Badge tone={jobStatusTone[status]}>{jobStatusLabel[status]}</Badge>
    </span>
  )
}

/**
 * One job with the actions the signed-in role may take on it (customer pages, reschedule requests).
 */
export function JobCard({
  job,
  staff,
  customerName,
}: {
  job: JobRow
  staff: StaffMemberRow[]
  customerName?: string | undefined
}) {
  const { timeZone, currency } = useStaffSession()
  const technician = staff.find((s) => s.id === job.technician_id)

  return (
    <article
      data-job-id={job.id}
      aria-label={job.title}
      className="rounded-xl border border-slate-200 bg-white p-3 text-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-semibold">{job.title}</h3>
          {customerName ? <p className="text-slate-700">{customerName}</p> : null}
          <p className="text-slate-700">
            {formatTimeRange(job.scheduled_start, job.scheduled_end, timeZone)}
          </p>
          <p className="text-slate-600">
            {technician ? `Technician: ${technician.full_name}` : 'Unassigned'} ·{' '}
            {formatCents(job.price_cents, currency)}
          </p>
        </div>
        <JobStatusBadge status={job.status} />
      </div>
      <RescheduleRequestNote job={job} timeZone={timeZone} className="mt-2" />
      {job.status === 'cancelled' && job.cancellation_reason ? (
        <p className="mt-2 text-red-900">Cancelled: {job.cancellation_reason}</p>
      ) : null}
      <JobActions job={job} staff={staff} />
    </article>
  )
}

/**
 * The status, reschedule, cancel and assign actions of a job for the signed-in role. On the
 * calendar (`onMove`), "Move" opens the Move dialog instead of the inline form and picker.
 */
export function JobActions({
  job,
  staff,
  onMove,
}: {
  job: JobRow
  staff: StaffMemberRow[]
  onMove?: (() => void) | undefined
}) {
  const session = useStaffSession()
  // A job can be on a page twice (the board and the reschedule requests): ids must still be unique.
  const uid = useId()
  const { timeZone } = session
  const [mode, setMode] = useState<'idle' | 'reschedule' | 'cancel'>('idle')
  const [start_, setStart] = useState(toZonedInputValue(job.scheduled_start, timeZone))
  const [end, setEnd] = useState(toZonedInputValue(job.scheduled_end, timeZone))
  const [reason, setReason] = useState('')
  const me = { id: session.staffId, role: session.role }
  const close = () => setMode('idle')
  const status = useAction(changeJobStatusAction, {
    success: (j) => `Job ${jobStatusLabel[j.status].toLowerCase()}`,
  })
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
    toInput: (form) => ({
      jobId: job.id,
      status: 'cancelled' as const,
      reason: String(form.get('reason') ?? ''),
    }),
    success: 'Job cancelled',
    onSuccess: close,
  })
  const pending = status.pending || assign.pending || reschedule.pending || cancel.pending

  return (
    <>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        {canChangeJobStatus(me, job)
          ? allowedNextStatuses(job.status)
              .filter((s) => s !== 'cancelled' && canSetJobStatus(me, job, s))
              .map((s) => (
                <Button
                  key={s}
                  variant="secondary"
                  size="sm"
                  disabled={pending}
                  onClick={() => status.run({ jobId: job.id, status: s })}
                >
                  Mark {jobStatusLabel[s].toLowerCase()}
                </Button>
              ))
          : null}
        {can(session.role, 'jobs.schedule') && isJobOpen(job.status) && onMove ? (
          <Button variant="primary" size="sm" data-action="move" onClick={onMove}>
            Move
          </Button>
        ) : null}
        {can(session.role, 'jobs.schedule') && isJobOpen(job.status) && !onMove ? (
          <Button
            variant="secondary"
            size="sm"
            aria-expanded={mode === 'reschedule'}
            onClick={() => setMode(mode === 'reschedule' ? 'idle' : 'reschedule')}
          >
            Reschedule
          </Button>
        ) : null}
        {canSetJobStatus(me, job, 'cancelled') &&
        allowedNextStatuses(job.status).includes('cancelled') ? (
          <Button
            variant="secondary"
            size="sm"
            aria-expanded={mode === 'cancel'}
            onClick={() => setMode(mode === 'cancel' ? 'idle' : 'cancel')}
            className="border-red-300 text-red-800 hover:bg-red-50"
          >
            Cancel job
          </Button>
        ) : null}
        {can(session.role, 'jobs.assign') && isJobOpen(job.status) && !onMove ? (
          <>
            <Label htmlFor={`${uid}-assign`} className="sr-only">
              Assign technician for {job.title}
            </Label>
            <NativeSelect
              id={`${uid}-assign`}
              size="sm"
              value={job.technician_id ?? ''}
              disabled={pending}
              onChange={(e) => assign.run({ jobId: job.id, technicianId: e.target.value || null })}
              wrapperClassName="max-w-full"
              className="max-w-full truncate"
            >
              <NativeSelectOption value="">Unassigned</NativeSelectOption>
              {staff.map((s) => (
                <NativeSelectOption key={s.id} value={s.id}>
                  {s.full_name} ({s.role})
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </>
        ) : null}
        <HistoryLink customerId={job.customer_id} recordId={job.id} label={job.title} />
      </div>

      {mode === 'reschedule' ? (
        <form
          {...reschedule.formProps}
          className="mt-3 grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
        >
          <TextField
            id={`${uid}-start`}
            label="New start"
            name="start"
            type="datetime-local"
            value={start_}
            onChange={(e) => setStart(e.target.value)}
            error={reschedule.fieldError('scheduledStart')}
          />
          <TextField
            id={`${uid}-end`}
            label="New end"
            name="end"
            type="datetime-local"
            value={end}
            onChange={(e) => setEnd(e.target.value)}
            error={reschedule.fieldError('scheduledEnd')}
          />
          <Button type="submit" disabled={pending} pending={reschedule.pending}>
            Save new time
          </Button>
        </form>
      ) : null}

      {mode === 'cancel' ? (
        <form {...cancel.formProps} className="mt-3 flex flex-wrap items-end gap-2">
          <TextField
            id={`${uid}-reason`}
            label="Reason for cancelling"
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={cancel.fieldError('reason')}
            className="min-w-48 flex-1"
          />
          <Button type="submit" variant="danger" disabled={pending} pending={cancel.pending}>
            Cancel job
          </Button>
        </form>
      ) : null}
    </>
  )
}
