// Calendar days of the organization as `yyyy-MM-dd` keys: the CRM board's columns and the
// `?date=` parameter. A key names a day, not an instant; the zone turns an instant into one.
import { wallTime } from './wall-time.ts'
import type { TimeZone } from './zone.ts'

export type DayKey = string

const KEY = /^(\d{4})-(\d{2})-(\d{2})$/

function keyParts(key: DayKey): [number, number, number] {
  const [y, m, d] = key.split('-').map(Number)
  return [y ?? 0, m ?? 1, d ?? 1]
}

/** Noon UTC of the day: a Date that names the calendar day whatever zone reads it. */
function calendarDate(key: DayKey): Date {
  const [y, m, d] = keyParts(key)
  return new Date(Date.UTC(y, m - 1, d, 12))
}

/** The organization's calendar day an instant falls on. */
export function dayKey(instant: Date | string, timeZone: TimeZone): DayKey {
  const t = wallTime(new Date(instant), timeZone)
  return `${t.year}-${t.month}-${t.day}`
}

/** The key itself when it is a real `yyyy-MM-dd` day, else null. */
export function parseDayKey(value: string | null | undefined): DayKey | null {
  if (!value || !KEY.test(value)) return null
  return dayKey(calendarDate(value), 'UTC') === value ? value : null
}

/** A `?date=` parameter as a day key, or today's day in the zone when it is missing or malformed. */
export function parseDayParam(
  value: string | null | undefined,
  timeZone: TimeZone,
  now: Date = new Date(),
): DayKey {
  return parseDayKey(value) ?? dayKey(now, timeZone)
}

/** The day `count` days after (or before) `key`, by the calendar (DST never shifts it). */
export function addDaysToKey(key: DayKey, count: number): DayKey {
  const [y, m, d] = keyParts(key)
  return dayKey(new Date(Date.UTC(y, m - 1, d + count, 12)), 'UTC')
}

/** `count` consecutive day keys starting at `first`. */
export function daysFrom(first: DayKey, count: number): DayKey[] {
  return Array.from({ length: count }, (_, i) => addDaysToKey(first, i))
}

/** A day's heading: `Sun, Mar 1`. */
export function formatDayKey(key: DayKey): string {
  const t = wallTime(calendarDate(key), 'UTC')
  return `${t.weekday}, ${t.monthName} ${Number(t.day)}`
}

/** A calendar day as a date (`Mar 1, 2026`), e.g. a quote's valid-until day; a dash when missing. */
export function formatDayKeyDate(key: DayKey | null | undefined): string {
  const day = parseDayKey(key)
  if (!day) return '—'
  const t = wallTime(calendarDate(day), 'UTC')
  return `${t.monthName} ${Number(t.day)}, ${t.year}`
}
