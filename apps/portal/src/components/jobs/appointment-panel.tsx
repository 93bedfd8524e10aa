'use client'

import { useAction } from '@repo/actions/form'
import type { JobRow, JobStatus } from '@repo/database/types'
import { type DayKey, formatDateTime } from '@repo/domain/dates'
import { canConfirm, canRequestReschedule, isJobOpen } from '@repo/domain/jobs'
import { Card, CardHeader } from '@repo/ui/card'
import { useOptimistic } from 'react'
import { confirmAppointmentAction } from '@/actions/appointments/confirm-appointment-action'
import { Button } from '@repo/ui/button'
import type { SlotPage } from '../booking/use-open-slots'
import { CancelForm } from './cancel-form'
import { JobStatusBadge } from './job-status-badge'
import { RescheduleRequestForm } from './reschedule-request-form'
import { RescheduleSlotForm } from './reschedule-slot-form'
import { StatusTimeline } from './status-timeline'

interface Props {
  job: JobRow
  timeZone: string
  cancelBlockedReason: string | null
  noticeHours: number
  /** The business's settings: what customers may do online. */
  mayConfirm: boolean
  mayReschedule: boolean
  reschedule: RescheduleOptions
}

/** How this appointment can be moved online (the page knows the policy and the job's service). */
export interface RescheduleOptions {
  /** Why it cannot be moved online now (notice period, already started), or null. */
  blockedReason: string | null
  /** Pick a free time of the job's service, or ask the office with suggested times. */
  mode: 'slots' | 'request'
  serviceId: string | null
  initialSlots: SlotPage | null
  needsConfirmation: boolean
  today: DayKey
  horizonDays: number
}

/** Status, timeline and the customer's actions; confirming shows at once and rolls back on failure. */
export function AppointmentPanel({
  job,
  timeZone,
  cancelBlockedReason,
  noticeHours,
  mayConfirm,
  mayReschedule,
  reschedule,
}: Props) {
  const [status, setOptimisticStatus] = useOptimistic<JobStatus, JobStatus>(
    job.status,
    (_old, next) => next,
  )
  // Success needs no toast of its own: the live update announces the new status.
  const { run, pending } = useAction(confirmAppointmentAction)
  const confirm = () => run(job.id, () => setOptimisticStatus('confirmed'))

  const reschedulePending = job.reschedule_requested_at !== null && canRequestReschedule(status)

  return (
    <>
      <Card aria-labelledby="status-heading">
        <CardHeader
          id="status-heading"
          title="Status"
          action={<JobStatusBadge status={status} />}
        />
        <StatusTimeline status={status} />
        {reschedulePending ? (
          <p className="mt-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900" role="status">
            You asked to reschedule on {formatDateTime(job.reschedule_requested_at, timeZone)}. We
            will get back to you.
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
          {reschedule.blockedReason ? (
            <p className="text-sm text-slate-700">{reschedule.blockedReason}</p>
          ) : reschedule.mode === 'slots' && reschedule.serviceId ? (
            <RescheduleSlotForm
              jobId={job.id}
              serviceId={reschedule.serviceId}
              currentStart={job.scheduled_start}
              needsConfirmation={reschedule.needsConfirmation}
              initialSlots={reschedule.initialSlots}
              today={reschedule.today}
              timeZone={timeZone}
              horizonDays={reschedule.horizonDays}
            />
          ) : (
            <RescheduleRequestForm jobId={job.id} timeZone={timeZone} />
          )}
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
