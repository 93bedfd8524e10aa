// Where a day or a week of the organization begins and ends, as instants (date-fns in the zone).
import { TZDate } from '@date-fns/tz'
import { endOfDay } from 'date-fns/endOfDay'
import { endOfWeek } from 'date-fns/endOfWeek'
import { startOfWeek } from 'date-fns/startOfWeek'
import { type DayKey, dayKey } from './day-keys.ts'
import { inZone } from './in-zone.ts'
import type { TimeZone } from './zone.ts'

/** Midnight starting that day in the zone. */
export function startOfZonedDay(key: DayKey, timeZone: TimeZone): Date {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number]
  return new Date(new TZDate(y, m - 1, d, timeZone).getTime())
}

/** The last millisecond of that day in the zone. */
export function endOfZonedDay(key: DayKey, timeZone: TimeZone): Date {
  return new Date(endOfDay(startOfZonedDay(key, timeZone), { in: inZone(timeZone) }).getTime())
}

/** First day (Sunday) of the zone's calendar week holding `instant`. */
export function startOfZonedWeek(instant: Date | string, timeZone: TimeZone): DayKey {
  return dayKey(startOfWeek(new Date(instant), { in: inZone(timeZone) }), timeZone)
}

/** Last day (Saturday) of the zone's calendar week holding `instant`. */
export function endOfZonedWeek(instant: Date | string, timeZone: TimeZone): DayKey {
  return dayKey(endOfWeek(new Date(instant), { in: inZone(timeZone) }), timeZone)
}
