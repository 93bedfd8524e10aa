// <input type="datetime-local"> and <input type="date"> speak wall time without an offset; the
// business's zone, not the browser's, says which instant that wall time is.
import { TZDate } from '@date-fns/tz'
import { parseDayKey } from './day-keys.ts'
import { wallTime } from './wall-time.ts'
import { endOfZonedDay } from './zoned-days.ts'
import { type TimeZone, toInstant } from './zone.ts'

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/** An instant as the `datetime-local` value showing its wall time in the zone ('' when missing). */
export function toZonedInputValue(
  value: Date | string | null | undefined,
  timeZone: TimeZone,
): string {
  const instant = toInstant(value)
  if (!instant) return ''
  const t = wallTime(instant, timeZone)
  return `${t.year}-${t.month}-${t.day}T${t.hour24}:${t.minute}`
}

/**
 * A `datetime-local` value read as wall time in the zone, as an ISO instant. Anything else is
 * returned as typed, so the form's schema can say what is wrong with it.
 */
export function fromZonedInputValue(value: string, timeZone: TimeZone): string {
  const match = LOCAL.exec(value)
  if (!match) return value
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as number[]
  const local = new TZDate(
    y as number,
    (mo as number) - 1,
    d as number,
    h as number,
    mi as number,
    s ?? 0,
    timeZone,
  )
  return Number.isNaN(local.getTime()) ? value : new Date(local.getTime()).toISOString()
}

/** A `date` input's day as the instant its day ends in the zone (a due date), or the raw text. */
export function fromZonedDateInputValue(value: string, timeZone: TimeZone): string {
  const key = parseDayKey(value)
  return key ? endOfZonedDay(key, timeZone).toISOString() : value
}
