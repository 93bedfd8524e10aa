import type { OrganizationRow } from '@repo/database/types'
import { canRequestReschedule, type JobStatus } from './job-status.ts'

/** What the business lets customers do online (its settings; the database enforces the same). */
export type PortalPolicy = Pick<
  OrganizationRow,
  'cancellation_notice_hours' | 'customers_may_confirm' | 'customers_may_reschedule' | 'customers_may_cancel'
>

export type CancelCheck = { allowed: true } | { allowed: false; reason: string }

/**
 * Whether a customer may cancel online: the business must allow it, and the appointment must be at
 * least the notice period away (the database function enforces the same rules; this explains them
 * up front).
 */
export function checkCancellation(
  job: { status: JobStatus; scheduled_start: string | null },
  policy: Pick<PortalPolicy, 'cancellation_notice_hours' | 'customers_may_cancel'>,
  now = new Date(),
): CancelCheck {
  const noticeHours = policy.cancellation_notice_hours
  if (job.status === 'cancelled') {
    return { allowed: false, reason: 'This appointment is already cancelled.' }
  }
  if (!canRequestReschedule(job.status)) {
    return { allowed: false, reason: 'This appointment can no longer be cancelled online.' }
  }
  if (!policy.customers_may_cancel) {
    return { allowed: false, reason: 'To cancel, please call or message us.' }
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
