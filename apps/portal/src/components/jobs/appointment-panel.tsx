'use client'

import { useAction } from '@repo/actions/form'
import type { JobRow, JobStatus } from '@repo/database/types'
import { formatDateTime } from '@repo/domain/dates'
import { canConfirm, canRequestReschedule, isJobOpen } from '@repo/domain/jobs'
import { Card, CardHeader } from '@repo/ui/card'
import { useOptimistic } from 'react'
import { confirmAppointmentAction } from '@/actions/appointments/confirm-appointment-action'
import { Button } from '@repo/ui/button'
import { CancelForm } from './cancel-form'
import { JobStatusBadge } from './job-status-badge'
import { RescheduleForm } from './reschedule-form'
import { StatusTimeline } from './status-timeline'

interface Props {
  job: JobRow
  timeZone: string
  cancelBlockedReason: string | null
  noticeHours: number
  /** The business's settings: what customers may do online. */
  mayConfirm: boolean
  mayReschedule: boolean
}

/** Status, timeline and the customer's actions; confirming shows at once and rolls back on failure. */
export function AppointmentPanel({ job, timeZone, cancelBlockedReason, noticeHours, mayConfirm, mayReschedule }: Props) {
  const [status, setOptimisticStatus] = useOptimistic<JobStatus, JobStatus>(job.status, (_old, next) => next)
  // Success needs no toast of its own: the live update announces the new status.
  const { run, pending } = useAction(confirmAppointmentAction)
  const confirm = () => run(job.id, () => setOptimisticStatus('confirmed'))

  const reschedulePending = job.reschedule_requested_at !== null && canRequestReschedule(status)

  return (
    <>
      <Card aria-labelledby="status-heading">
        <CardHeader id="status-heading" title="Status" action={<JobStatusBadge status={status} />} />
        <StatusTimeline status={status} />
        {reschedulePending ? (
          <p className="mt-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900" role="status">
            You asked to reschedule on {formatDateTime(job.reschedule_requested_at, timeZone)}. We will get back to you.
          </p>
        ) : null}
        {mayConfirm && canConfirm(status) ? (
          <Button className="mt-4 w-full sm:w-auto" onClick={confirm} pending={pending}>
            Confirm appointment
          </Button>
        ) : null}
      </Card>
      {mayReschedule && canRequestReschedule(status) ? (
        <Card aria-labelledby="reschedule-heading">
          <CardHeader id="reschedule-heading" title="Need a different time?" />
          <RescheduleForm jobId={job.id} timeZone={timeZone} />
        </Card>
      ) : null}
      {isJobOpen(status) ? (
        <Card aria-labelledby="cancel-heading">
          <CardHeader id="cancel-heading" title="Cancel appointment" />
          {cancelBlockedReason ? (
            <p className="text-sm text-slate-700">{cancelBlockedReason}</p>
          ) : (
            <CancelForm jobId={job.id} noticeHours={noticeHours} />
          )}
        </Card>
      ) : null}
    </>
  )
}
