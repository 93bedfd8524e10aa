// Toast wording for jobs: what a customer is told live, and what the CRM's bell says.
import type { ChangeEvent, JobRow } from '@repo/database/types'
import { formatDateTime } from '../dates/format.ts'
import type { TimeZone } from '../dates/zone.ts'
import { type ChangeNotice, oldHas, type StaffNotice } from '../notice.ts'
import { type JobStatus, lifecycleSpan } from './job-lifecycle.ts'

const STATUS_NEWS: Record<JobStatus, string> = {
  requested: 'was requested',
  scheduled: 'is scheduled',
  confirmed: 'is confirmed',
  en_route: 'is on the way: your technician is en route',
  in_progress: 'is in progress',
  completed: 'is complete',
  cancelled: 'was cancelled',
}

/** Statuses worth a notice even when the previous status is unknown: confirmed and everything after. */
const NOTABLE = /*#__PURE__*/ new Set<JobStatus>(
  /*#__PURE__*/ lifecycleSpan('confirmed', 'cancelled'),
)

function when(iso: string | null, timeZone: TimeZone): string {
  const text = formatDateTime(iso, timeZone)
  return text === '—' ? '' : text
}

/** What the customer hears about a change to one of their appointments (null for noise). */
export function describeJobChange(
  event: ChangeEvent,
  row: JobRow | null,
  old: Partial<JobRow> | null,
  timeZone: TimeZone,
): ChangeNotice | null {
  if (event === 'INSERT' && row) {
    return {
      type: 'job',
      tone: 'info',
      title: 'New appointment',
      description: [row.title, when(row.scheduled_start, timeZone)].filter(Boolean).join(' · '),
    }
  }
  if (event !== 'UPDATE' || !row) return null
  const statusKnown = oldHas(old, 'status')
  if ((statusKnown && old.status !== row.status) || (!statusKnown && NOTABLE.has(row.status))) {
    return {
      type: 'job',
      tone:
        row.status === 'cancelled' ? 'warning' : row.status === 'completed' ? 'success' : 'info',
      title: 'Appointment status changed',
      description: `${row.title} ${STATUS_NEWS[row.status]}`,
    }
  }
  if (oldHas(old, 'scheduled_start') && old.scheduled_start !== row.scheduled_start) {
    return {
      type: 'job',
      tone: 'info',
      title: 'Appointment rescheduled',
      description: `${row.title}: now ${when(row.scheduled_start, timeZone)}`,
    }
  }
  return null
}

/** A timestamp from the last minute: rows re-sent on a later update are not news again. */
function isFresh(value: string | null, now: number): value is string {
  return value !== null && now - Date.parse(value) < 60_000
}

/** What the staff's bell says about a customer's confirmation or reschedule request. */
export function describeJobForStaff(job: JobRow, now = Date.now()): StaffNotice[] {
  const notices: StaffNotice[] = []
  if (job.status === 'confirmed' && isFresh(job.confirmed_at, now)) {
    notices.push({
      id: `c:${job.id}:${job.confirmed_at}`,
      text: `Appointment confirmed: ${job.title}`,
      at: job.confirmed_at,
    })
  }
  if (isFresh(job.reschedule_requested_at, now)) {
    notices.push({
      id: `r:${job.id}:${job.reschedule_requested_at}`,
      text: `Reschedule requested: ${job.title}`,
      at: job.reschedule_requested_at,
    })
  }
  return notices
}
