// The job (appointment) lifecycle: values from the generated enum, wording for staff and for
// customers, badge tones, and the rules both apps and the database agree on.
import type { StatusTone } from '../notice.ts'
import { type JobStatus, jobStatuses, lifecycleSpan } from './job-lifecycle.ts'

export { type JobStatus, jobStatuses }

/** Before the technician sets off: the customer may still confirm, reschedule or cancel. */
export const statusesBeforeVisit = /*#__PURE__*/ lifecycleSpan('requested', 'confirmed')

/** The field states a technician sets on their own jobs (the database allows the same, no more). */
export const technicianJobStatuses = /*#__PURE__*/ lifecycleSpan('en_route', 'completed')

/** The steps a customer follows on the appointment page. */
export const progressStatuses = /*#__PURE__*/ lifecycleSpan('scheduled', 'completed')

/** Staff wording (CRM badges, buttons, messages). */
export const jobStatusLabel: Record<JobStatus, string> = {
  requested: 'Requested',
  scheduled: 'Scheduled',
  confirmed: 'Confirmed',
  en_route: 'En route',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
}

/** Customer wording (portal); differs from the staff wording only where a customer needs more. */
export function customerJobStatusLabel(status: JobStatus): string {
  return status === 'en_route' ? 'Technician en route' : jobStatusLabel[status]
}

export const jobStatusTone: Record<JobStatus, StatusTone> = {
  requested: 'neutral',
  scheduled: 'info',
  confirmed: 'info',
  en_route: 'warning',
  in_progress: 'warning',
  completed: 'success',
  cancelled: 'danger',
}

/** Where staff may move a job from each status; anything else is refused before the database. */
const nextStatuses: Record<JobStatus, readonly JobStatus[]> = {
  requested: ['scheduled', 'cancelled'],
  scheduled: ['confirmed', 'en_route', 'cancelled'],
  confirmed: ['en_route', 'in_progress', 'cancelled'],
  en_route: ['in_progress', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
}

export function allowedNextStatuses(from: JobStatus): readonly JobStatus[] {
  return nextStatuses[from]
}

export function canMoveJob(from: JobStatus, to: JobStatus): boolean {
  return nextStatuses[from].includes(to)
}

/** Neither completed nor cancelled: it can still be worked on, moved or reassigned. */
export function isJobOpen(status: JobStatus): boolean {
  return status !== 'completed' && status !== 'cancelled'
}

/** Still ahead (or under way today): open, and not started more than 12 hours ago. */
export function isUpcoming(
  job: { status: JobStatus; scheduled_start: string | null },
  now = new Date(),
): boolean {
  if (!isJobOpen(job.status)) return false
  return (
    job.scheduled_start === null ||
    new Date(job.scheduled_start) >= new Date(now.getTime() - 12 * 3600_000)
  )
}

/** Customers confirm a scheduled appointment. */
export function canConfirm(status: JobStatus): boolean {
  return status === 'scheduled'
}

/** Customers may ask for another time until the technician sets off. */
export function canRequestReschedule(status: JobStatus): boolean {
  return statusesBeforeVisit.includes(status)
}

/** A reschedule request is waiting for staff: asked for, and the job is still open. */
export function hasPendingReschedule(job: {
  status: JobStatus
  reschedule_requested_at: string | null
}): boolean {
  return job.reschedule_requested_at !== null && isJobOpen(job.status)
}
