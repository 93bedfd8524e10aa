// Time off as the office types it (days, or a day with times, in the organization's zone) and as
// the database keeps it (two instants).
import { addDaysToKey, type DayKey, dayKey, parseDayKey } from '../dates/day-keys.ts'
import { formatDay, formatTime } from '../dates/format.ts'
import type { TimeZone } from '../dates/zone.ts'
import { fromZonedInputValue } from '../dates/zoned-input.ts'
import { startOfZonedDay } from '../dates/zoned-days.ts'
import { minutesOfDay } from './time-of-day.ts'

export type TimeOffInput =
  | { allDay: true; firstDay: string; lastDay: string }
  | { allDay: false; day: string; startTime: string; endTime: string }

export type TimeOffRange = { starts_at: string; ends_at: string }

/** A reason is optional and at most 200 characters (the database's limit). */
export const MAX_TIME_OFF_REASON_CHARS = 200

/**
 * The instants of what was typed: whole days run from midnight of the first day to midnight after
 * the last (in the zone, so a DST change day is 23 or 25 hours); otherwise the times on that day.
 */
export function timeOffRange(
  input: TimeOffInput,
  timeZone: TimeZone,
): { ok: true; range: TimeOffRange } | { ok: false; field: string; message: string } {
  if (input.allDay) {
    const first = parseDayKey(input.firstDay)
    const last = parseDayKey(input.lastDay || input.firstDay)
    if (!first) return { ok: false, field: 'firstDay', message: 'Pick the first day off' }
    if (!last) return { ok: false, field: 'lastDay', message: 'Pick the last day off' }
    if (last < first)
      return { ok: false, field: 'lastDay', message: 'The last day cannot be before the first' }
    if (addDaysToKey(first, 366) <= last)
      return { ok: false, field: 'lastDay', message: 'Time off is at most a year' }
    return {
      ok: true,
      range: {
        starts_at: startOfZonedDay(first, timeZone).toISOString(),
        ends_at: startOfZonedDay(addDaysToKey(last, 1), timeZone).toISOString(),
      },
    }
  }
  const day = parseDayKey(input.day)
  if (!day) return { ok: false, field: 'day', message: 'Pick the day' }
  const start = minutesOfDay(input.startTime)
  const end = minutesOfDay(input.endTime)
  if (start === null) return { ok: false, field: 'startTime', message: 'Enter the start time' }
  if (end === null) return { ok: false, field: 'endTime', message: 'Enter the end time' }
  if (end <= start)
    return { ok: false, field: 'endTime', message: 'The end must be after the start' }
  return {
    ok: true,
    range: {
      starts_at: fromZonedInputValue(`${day}T${input.startTime.slice(0, 5)}`, timeZone),
      ends_at: fromZonedInputValue(`${day}T${input.endTime.slice(0, 5)}`, timeZone),
    },
  }
}

function isMidnight(instant: string, timeZone: TimeZone): boolean {
  const day: DayKey = dayKey(instant, timeZone)
  return startOfZonedDay(day, timeZone).getTime() === new Date(instant).getTime()
}

/**
 * `Mon, Dec 8` (a whole day), `Mon, Dec 8 – Wed, Dec 10` (whole days), or `Mon, Dec 8, 9:00 AM–1:00 PM`;
 * anything else shows both ends with their times.
 */
export function describeTimeOff(range: TimeOffRange, timeZone: TimeZone): string {
  const { starts_at, ends_at } = range
  if (isMidnight(starts_at, timeZone) && isMidnight(ends_at, timeZone)) {
    const first = dayKey(starts_at, timeZone)
    const last = addDaysToKey(dayKey(ends_at, timeZone), -1)
    const from = formatDay(starts_at, timeZone)
    return first === last
      ? `${from} (all day)`
      : `${from} – ${formatDay(startOfZonedDay(last, timeZone), timeZone)} (all day)`
  }
  if (dayKey(starts_at, timeZone) === dayKey(ends_at, timeZone)) {
    return `${formatDay(starts_at, timeZone)}, ${formatTime(starts_at, timeZone)}–${formatTime(ends_at, timeZone)}`
  }
  return `${formatDay(starts_at, timeZone)}, ${formatTime(starts_at, timeZone)} – ${formatDay(ends_at, timeZone)}, ${formatTime(ends_at, timeZone)}`
}
