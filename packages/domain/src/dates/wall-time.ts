// The organization's wall time of an instant, read with the platform's time zone database (the
// same one @date-fns/tz reads). Only numbers come from Intl; names and separators are ours, so the
// text is identical on the server and in every browser, whatever ICU version prints.
import type { TimeZone } from './zone.ts'

export interface WallTime {
  year: string
  /** `01`–`12`. */
  month: string
  /** `Jan`–`Dec`. */
  monthName: string
  /** `01`–`31`. */
  day: string
  /** `Sun`–`Sat`. */
  weekday: string
  /** `00`–`23`. */
  hour24: string
  /** `1`–`12`. */
  hour12: string
  /** `00`–`59`. */
  minute: string
  dayPeriod: 'AM' | 'PM'
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

const formats = new Map<TimeZone, Intl.DateTimeFormat>()

function numericFormat(timeZone: TimeZone): Intl.DateTimeFormat {
  let format = formats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
    formats.set(timeZone, format)
  }
  return format
}

const two = (n: number) => String(n).padStart(2, '0')

/** The wall-clock fields of `instant` in `timeZone`. */
export function wallTime(instant: Date, timeZone: TimeZone): WallTime {
  const n: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {}
  for (const part of numericFormat(timeZone).formatToParts(instant))
    n[part.type] = Number(part.value)
  const [year, month, day] = [n.year ?? 0, n.month ?? 1, n.day ?? 1]
  const hour = (n.hour ?? 0) % 24
  return {
    year: String(year),
    month: two(month),
    monthName: MONTHS[month - 1] ?? '',
    day: two(day),
    weekday: WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '',
    hour24: two(hour),
    hour12: String(hour % 12 || 12),
    minute: two(n.minute ?? 0),
    dayPeriod: hour < 12 ? 'AM' : 'PM',
  }
}
