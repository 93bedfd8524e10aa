// Whether a customer may move an appointment online, said before they try (the database's
// reschedule_appointment enforces the same rules and has the last word).
import type { OrganizationRow } from '@repo/database/types'
import { canRequestReschedule, type JobStatus } from '../jobs/job-status.ts'

export type RescheduleCheck = { allowed: true } | { allowed: false; reason: string }

/**
 * Open to moving (requested, scheduled or confirmed), not started, and at least the business's
 * notice period away. Whether the business lets customers reschedule at all is
 * `customers_may_reschedule`; pages hide the action when it is off.
 */
export function checkReschedule(
  job: { status: JobStatus; scheduled_start: string | null },
  policy: Pick<OrganizationRow, 'cancellation_notice_hours' | 'customers_may_reschedule'>,
  now: Date = new Date(),
): RescheduleCheck {
  if (!canRequestReschedule(job.status)) {
    return { allowed: false, reason: 'This appointment can no longer be moved online.' }
  }
  if (!policy.customers_may_reschedule) {
    return { allowed: false, reason: 'To reschedule, please call or message us.' }
  }
  if (!job.scheduled_start) return { allowed: true }
  const hoursAway = (Date.parse(job.scheduled_start) - now.getTime()) / 3600_000
  if (hoursAway <= 0) {
    return {
      allowed: false,
      reason: 'This appointment has already started. Please call us to change it.',
    }
  }
  if (hoursAway < policy.cancellation_notice_hours) {
    return {
      allowed: false,
      reason: `Appointments can be moved online up to ${policy.cancellation_notice_hours} hours before they start. Please message us instead.`,
    }
  }
  return { allowed: true }
}

/**
 * How the customer asks for another time: by picking a free slot when the job has a service the
 * business books online, otherwise by suggesting times for the office to answer.
 */
export function rescheduleMode(
  job: { service_id: string | null },
  rules: { online_booking: boolean },
  service: { active: boolean; bookable_online: boolean } | null,
): 'slots' | 'request' {
  return job.service_id && rules.online_booking && service?.active && service.bookable_online
    ? 'slots'
    : 'request'
}
