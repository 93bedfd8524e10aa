// Toast wording for jobs: what a customer is told live, and what the CRM's bell says.
import type { ChangeEvent, JobRow } from '@repo/database/types'
import { formatDateTime } from '../dates/format.ts'
import type { TimeZone } from '../dates/zone.ts'
import { type ChangeNotice, oldHas } from '../notice.ts'
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
      // Booked online and waiting for the office, or put on the calendar by staff.
      title: row.status === 'requested' ? 'Booking requested' : 'New appointment',
      description: [row.title, when(row.scheduled_start, timeZone)].filter(Boolean).join(' · '),
    }
  }
  if (event !== 'UPDATE' || !row) return null
  const statusKnown = oldHas(old, 'status')
  const timeChanged = oldHas(old, 'scheduled_start') && old.scheduled_start !== row.scheduled_start
  // Moved online: the new time waits for the office again.
  if (timeChanged && row.status === 'requested') {
    return {
      type: 'job',
      tone: 'info',
      title: 'Appointment rescheduled',
      description: `${row.title}: now ${when(row.scheduled_start, timeZone)}, waiting for confirmation`,
    }
  }
  if (statusKnown && old.status === 'requested' && row.status === 'scheduled') {
    return {
      type: 'job',
      tone: 'success',
      title: 'Booking accepted',
      description: `${row.title} is scheduled for ${when(row.scheduled_start, timeZone)}`,
    }
  }
  if ((statusKnown && old.status !== row.status) || (!statusKnown && NOTABLE.has(row.status))) {
    return {
      type: 'job',
      tone:
        row.status === 'cancelled' ? 'warning' : row.status === 'completed' ? 'success' : 'info',
      title: 'Appointment status changed',
      description: `${row.title} ${STATUS_NEWS[row.status]}`,
    }
  }
  if (timeChanged) {
    return {
      type: 'job',
      tone: 'info',
      title: 'Appointment rescheduled',
      description: `${row.title}: now ${when(row.scheduled_start, timeZone)}`,
    }
  }
  return null
}
