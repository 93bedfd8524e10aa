// Text for dates and times, always in the organization's zone and always en-US, so the server
// render and the browser (wherever it is) print the same characters.
import { wallTime } from './wall-time.ts'
import { type TimeZone, toInstant } from './zone.ts'

const MISSING = '—'

type Value = Date | string | null | undefined

function textIn(
  value: Value,
  timeZone: TimeZone,
  text: (t: ReturnType<typeof wallTime>) => string,
) {
  const instant = toInstant(value)
  return instant ? text(wallTime(instant, timeZone)) : MISSING
}

/** `Feb 28, 2026`, or a dash when missing. */
export function formatDate(value: Value, timeZone: TimeZone): string {
  return textIn(value, timeZone, (t) => `${t.monthName} ${Number(t.day)}, ${t.year}`)
}

/** `Sun, Mar 1, 5:30 PM`, or a dash when missing. */
export function formatDateTime(value: Value, timeZone: TimeZone): string {
  return textIn(
    value,
    timeZone,
    (t) => `${t.weekday}, ${t.monthName} ${Number(t.day)}, ${t.hour12}:${t.minute} ${t.dayPeriod}`,
  )
}

/** `5:30 PM`, or a dash when missing. */
export function formatTime(value: Value, timeZone: TimeZone): string {
  return textIn(value, timeZone, (t) => `${t.hour12}:${t.minute} ${t.dayPeriod}`)
}

/** `Sun, Mar 1`, or a dash when missing. */
export function formatDay(value: Value, timeZone: TimeZone): string {
  return textIn(value, timeZone, (t) => `${t.weekday}, ${t.monthName} ${Number(t.day)}`)
}

/** An appointment window: `Sun, Mar 1, 9:00 AM–11:00 AM` (the day of its start). */
export function formatTimeRange(start: Value, end: Value, timeZone: TimeZone): string {
  return `${formatDay(start, timeZone)}, ${formatTime(start, timeZone)}–${formatTime(end, timeZone)}`
}

/**
 * A message's time in a thread: `5:30 PM` today, `Sun, Mar 1, 5:30 PM` before today (both in the
 * organization's zone), so an old message never looks like today's.
 */
export function formatMessageTime(value: Value, timeZone: TimeZone, now: Date | string = new Date()): string {
  const instant = toInstant(value)
  const today = toInstant(now)
  if (!instant || !today) return MISSING
  const a = wallTime(instant, timeZone)
  const b = wallTime(today, timeZone)
  const sameDay = a.year === b.year && a.month === b.month && a.day === b.day
  return sameDay ? formatTime(instant, timeZone) : formatDateTime(instant, timeZone)
}
