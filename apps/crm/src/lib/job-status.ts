// The job lifecycle staff can move through; anything else is refused before touching the database.
export const jobStatuses = [
  'requested',
  'scheduled',
  'confirmed',
  'en_route',
  'in_progress',
  'completed',
  'cancelled',
] as const
export type JobStatus = (typeof jobStatuses)[number]

const next: Record<JobStatus, readonly JobStatus[]> = {
  requested: ['scheduled', 'cancelled'],
  scheduled: ['confirmed', 'en_route', 'cancelled'],
  confirmed: ['en_route', 'in_progress', 'cancelled'],
  en_route: ['in_progress', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
}

export const jobStatusLabels: Record<JobStatus, string> = {
  requested: 'Requested',
  scheduled: 'Scheduled',
  confirmed: 'Confirmed',
  en_route: 'En route',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
}

export function allowedNextStatuses(from: JobStatus): readonly JobStatus[] {
  return next[from]
}

export function canMoveJob(from: JobStatus, to: JobStatus): boolean {
  return next[from].includes(to)
}
