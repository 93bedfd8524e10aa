import { canRequestReschedule, type JobStatus } from './job-status.ts'

export type CancelCheck = { allowed: true } | { allowed: false; reason: string }

/**
 * The business's notice period: customers may cancel online only while the appointment is at least
 * `noticeHours` away (the database function enforces the same rule; this explains it up front).
 */
export function checkCancellation(
  job: { status: JobStatus; scheduled_start: string | null },
  noticeHours: number,
  now = new Date(),
): CancelCheck {
  if (job.status === 'cancelled') {
    return { allowed: false, reason: 'This appointment is already cancelled.' }
  }
  if (!canRequestReschedule(job.status)) {
    return { allowed: false, reason: 'This appointment can no longer be cancelled online.' }
  }
  if (!job.scheduled_start) return { allowed: true }
  const hoursAway = (new Date(job.scheduled_start).getTime() - now.getTime()) / 3600_000
  if (hoursAway < noticeHours) {
    return {
      allowed: false,
      reason: `Appointments can be cancelled online up to ${noticeHours} hours before they start. Please message us instead.`,
    }
  }
  return { allowed: true }
}
