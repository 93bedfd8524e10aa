// Wall-clock time <-> instant in an IANA time zone, for the date-time field. Kept in this one module
// so it can be swapped for the shared domain date helpers (same library) without touching the field.
import { tz } from '@date-fns/tz'
import { isValid, lightFormat, parseISO } from 'date-fns'

/** What `<input type="datetime-local">` holds: a date and a time of day, no zone. */
const wallTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/

/** The wall-clock time (`YYYY-MM-DDTHH:mm`) an instant shows in `timeZone`; '' if it is not a date. */
export function instantToWallTime(instant: string, timeZone: string): string {
  const date = parseISO(instant, { in: tz(timeZone) })
  return isValid(date) ? lightFormat(date, "yyyy-MM-dd'T'HH:mm") : ''
}

/**
 * The instant (ISO 8601, UTC) at which `timeZone`'s clocks show `wallTime`, or null when it is not
 * a complete date and time. A time skipped by a spring-forward change moves forward by the gap
 * (02:30 becomes 03:30); a time that happens twice at a fall-back change means the first one.
 */
export function wallTimeToInstant(wallTime: string, timeZone: string): string | null {
  if (!wallTimePattern.test(wallTime)) return null
  const date = parseISO(wallTime, { in: tz(timeZone) })
  return isValid(date) ? new Date(date.getTime()).toISOString() : null
}

type ZoneNameStyle = NonNullable<Intl.DateTimeFormatOptions['timeZoneName']>

// Building an Intl formatter costs far more than using one: one per locale, zone and style.
const zoneNameFormats = new Map<string, Intl.DateTimeFormat>()

function zoneNameFormat(
  locale: string,
  timeZone: string,
  style: ZoneNameStyle,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`
  let format = zoneNameFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style })
    zoneNameFormats.set(key, format)
  }
  return format
}

/**
 * The zone's name for display: specific at `instant` ("CDT" / "Central Daylight Time"), or the
 * generic one when there is no instant ("CT" / "Central Time"), so server and browser agree.
 */
export function timeZoneNames(
  timeZone: string,
  instant: string | null,
  locale = 'en-US',
): { short: string; long: string } {
  const at = instant ? new Date(instant) : new Date(0)
  const name = (style: ZoneNameStyle) =>
    zoneNameFormat(locale, timeZone, style)
      .formatToParts(Number.isNaN(at.getTime()) ? new Date(0) : at)
      .find((part) => part.type === 'timeZoneName')?.value ?? timeZone
  return instant
    ? { short: name('short'), long: name('long') }
    : { short: name('shortGeneric'), long: name('longGeneric') }
}
