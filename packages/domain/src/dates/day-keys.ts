// Calendar days of the organization as `yyyy-MM-dd` keys: the CRM board's columns and the
// `?date=` parameter. A key names a day, not an instant; the zone turns it into one.
import { TZDate } from '@date-fns/tz'
import { addDays } from 'date-fns/addDays'
import { endOfDay } from 'date-fns/endOfDay'
import { endOfWeek } from 'date-fns/endOfWeek'
import { format } from 'date-fns/format'
import { startOfWeek } from 'date-fns/startOfWeek'
import { inZone, type TimeZone } from './zone.ts'

export type DayKey = string

const KEY = /^(\d{4})-(\d{2})-(\d{2})$/

/** The organization's calendar day an instant falls on. */
export function dayKey(instant: Date | string, timeZone: TimeZone): DayKey {
  return format(new Date(instant), 'yyyy-MM-dd', { in: inZone(timeZone) })
}

/** The key itself when it is a real `yyyy-MM-dd` day, else null. */
export function parseDayKey(value: string | null | undefined): DayKey | null {
  const match = value ? KEY.exec(value) : null
  if (!match) return null
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? (value as string) : null
}

/** A `?date=` parameter as a day key, or today's day in the zone when it is missing or malformed. */
export function parseDayParam(
  value: string | null | undefined,
  timeZone: TimeZone,
  now: Date = new Date(),
): DayKey {
  return parseDayKey(value) ?? dayKey(now, timeZone)
}

/** Midnight starting that day in the zone. */
export function startOfZonedDay(key: DayKey, timeZone: TimeZone): Date {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number]
  return new Date(new TZDate(y, m - 1, d, timeZone).getTime())
}

/** The last millisecond of that day in the zone. */
export function endOfZonedDay(key: DayKey, timeZone: TimeZone): Date {
  return new Date(endOfDay(startOfZonedDay(key, timeZone), { in: inZone(timeZone) }).getTime())
}

/** The day `count` days after (or before) `key`, by the calendar (DST never shifts it). */
export function addDaysToKey(key: DayKey, count: number): DayKey {
  return dayKey(addDays(startOfZonedDay(key, 'UTC'), count, { in: inZone('UTC') }), 'UTC')
}

/** `count` consecutive day keys starting at `first`. */
export function daysFrom(first: DayKey, count: number): DayKey[] {
  return Array.from({ length: count }, (_, i) => addDaysToKey(first, i))
}

/** A day's heading: `Sun, Mar 1`. */
export function formatDayKey(key: DayKey): string {
  return format(startOfZonedDay(key, 'UTC'), 'EEE, MMM d', { in: inZone('UTC') })
}

/** First day (Sunday) of the zone's calendar week holding `instant`. */
export function startOfZonedWeek(instant: Date | string, timeZone: TimeZone): DayKey {
  return dayKey(startOfWeek(new Date(instant), { in: inZone(timeZone) }), timeZone)
}

/** Last day (Saturday) of the zone's calendar week holding `instant`. */
export function endOfZonedWeek(instant: Date | string, timeZone: TimeZone): DayKey {
  return dayKey(endOfWeek(new Date(instant), { in: inZone(timeZone) }), timeZone)
}
