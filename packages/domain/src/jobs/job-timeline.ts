import { customerJobStatusLabel, type JobStatus, progressStatuses } from './job-status.ts'

export type TimelineStep = {
  status: JobStatus
  label: string
  state: 'done' | 'current' | 'upcoming'
}

/**
 * The steps a customer sees for an appointment. A cancelled job shows how far it got, then
 * "Cancelled". Confirmation is optional (staff may move a scheduled job straight on), so passing
 * it counts as done.
 */
export function statusTimeline(
  status: JobStatus,
  reachedBeforeCancel: JobStatus = 'scheduled',
): TimelineStep[] {
  if (status === 'cancelled') {
    const reached = progressStatuses.indexOf(reachedBeforeCancel)
    return [
      ...progressStatuses
        .slice(0, Math.max(reached, 0) + 1)
        .map((s) => ({ status: s, label: customerJobStatusLabel(s), state: 'done' as const })),
      { status: 'cancelled', label: customerJobStatusLabel('cancelled'), state: 'current' },
    ]
  }
  const current = status === 'requested' ? -1 : progressStatuses.indexOf(status)
  const steps: TimelineStep[] = progressStatuses.map((s, i) => ({
    status: s,
    label: customerJobStatusLabel(s),
    state:
      i < current ? 'done' : i === current ? (s === 'completed' ? 'done' : 'current') : 'upcoming',
  }))
  return status === 'requested'
    ? [
        { status: 'requested', label: customerJobStatusLabel('requested'), state: 'current' },
        ...steps,
      ]
    : steps
}
