// Text for dates and times, always in the organization's zone and always en-US, so the server
// render and the browser (wherever it is) print the same characters.
import { format } from 'date-fns/format'
import { inZone, type TimeZone, toInstant } from './zone.ts'

const MISSING = '—'

function formatIn(value: Date | string | null | undefined, pattern: string, timeZone: TimeZone) {
  const instant = toInstant(value)
  return instant ? format(instant, pattern, { in: inZone(timeZone) }) : MISSING
}

/** `Feb 28, 2026`, or a dash when missing. */
export function formatDate(value: Date | string | null | undefined, timeZone: TimeZone): string {
  return formatIn(value, 'MMM d, yyyy', timeZone)
}

/** `Sun, Mar 1, 5:30 PM`, or a dash when missing. */
export function formatDateTime(
  value: Date | string | null | undefined,
  timeZone: TimeZone,
): string {
  return formatIn(value, 'EEE, MMM d, h:mm a', timeZone)
}

/** `5:30 PM`, or a dash when missing. */
export function formatTime(value: Date | string | null | undefined, timeZone: TimeZone): string {
  return formatIn(value, 'h:mm a', timeZone)
}

/** `Sun, Mar 1`, or a dash when missing. */
export function formatDay(value: Date | string | null | undefined, timeZone: TimeZone): string {
  return formatIn(value, 'EEE, MMM d', timeZone)
}

/** An appointment window: `Sun, Mar 1, 9:00 AM–11:00 AM` (the day of its start). */
export function formatTimeRange(
  start: Date | string | null | undefined,
  end: Date | string | null | undefined,
  timeZone: TimeZone,
): string {
  return `${formatDay(start, timeZone)}, ${formatTime(start, timeZone)}–${formatTime(end, timeZone)}`
}
