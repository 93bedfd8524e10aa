import { type TZDate, tz } from '@date-fns/tz'

/** An IANA time zone name, e.g. the organization's `America/Chicago`. */
export type TimeZone = string

type InZone = (value: Date | number | string) => TZDate

const zones = new Map<TimeZone, InZone>()

/** date-fns' `in` option for a zone, cached: every date is read in the organization's zone. */
export function inZone(timeZone: TimeZone): InZone {
  let context = zones.get(timeZone)
  if (!context) {
    context = tz(timeZone)
    zones.set(timeZone, context)
  }
  return context
}

/** An ISO string or a Date as a Date; null when missing or not a date. */
export function toInstant(value: Date | string | null | undefined): Date | null {
  if (value == null || value === '') return null
  const date = typeof value === 'string' ? new Date(value) : value
  return Number.isNaN(date.getTime()) ? null : date
}
