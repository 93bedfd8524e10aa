import type { BadgeTone } from '@repo/ui/badge'

export type JobStatus = 'requested' | 'scheduled' | 'confirmed' | 'en_route' | 'in_progress' | 'completed' | 'cancelled'

export const jobStatusLabel: Record<JobStatus, string> = {
  requested: 'Requested',
  scheduled: 'Scheduled',
  confirmed: 'Confirmed',
  en_route: 'Technician en route',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
}

export const jobStatusTone: Record<JobStatus, BadgeTone> = {
  requested: 'neutral',
  scheduled: 'info',
  confirmed: 'info',
  en_route: 'warning',
  in_progress: 'warning',
  completed: 'success',
  cancelled: 'danger',
}

const flow: JobStatus[] = ['scheduled', 'confirmed', 'en_route', 'in_progress', 'completed']

export type TimelineStep = { status: JobStatus; label: string; state: 'done' | 'current' | 'upcoming' }

/**
 * The steps a customer sees for an appointment. A cancelled job shows how far it got, then "Cancelled".
 * Confirmation is optional (staff may move a scheduled job straight on), so passing it counts as done.
 */
export function statusTimeline(status: JobStatus, reachedBeforeCancel: JobStatus = 'scheduled'): TimelineStep[] {
  if (status === 'cancelled') {
    const reached = flow.indexOf(reachedBeforeCancel)
    return [
      ...flow.slice(0, Math.max(reached, 0) + 1).map((s) => ({ status: s, label: jobStatusLabel[s], state: 'done' as const })),
      { status: 'cancelled', label: jobStatusLabel.cancelled, state: 'current' },
    ]
  }
  const current = status === 'requested' ? -1 : flow.indexOf(status)
  const steps: TimelineStep[] = flow.map((s, i) => ({
    status: s,
    label: jobStatusLabel[s],
    state: i < current ? 'done' : i === current ? (s === 'completed' ? 'done' : 'current') : 'upcoming',
  }))
  return status === 'requested' ? [{ status: 'requested', label: jobStatusLabel.requested, state: 'current' }, ...steps] : steps
}

export function isUpcoming(job: { status: JobStatus; scheduled_start: string | null }, now = new Date()): boolean {
  if (job.status === 'completed' || job.status === 'cancelled') return false
  return job.scheduled_start === null || new Date(job.scheduled_start) >= new Date(now.getTime() - 12 * 3600_000)
}

export function canConfirm(status: JobStatus): boolean {
  return status === 'scheduled'
}

export function canRequestReschedule(status: JobStatus): boolean {
  return status === 'requested' || status === 'scheduled' || status === 'confirmed'
}
