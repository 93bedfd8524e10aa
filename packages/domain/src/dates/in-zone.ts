// Kept apart from the formatting helpers: @date-fns/tz is needed only where dates are computed
// (day boundaries, typed times), so pages that only show dates do not ship it.
import { type TZDate, tz } from '@date-fns/tz'
import type { TimeZone } from './zone.ts'

type InZone = (value: Date | number | string) => TZDate

const zones = new Map<TimeZone, InZone>()

/** date-fns' `in` option for a zone, cached: every computation reads dates in that zone. */
export function inZone(timeZone: TimeZone): InZone {
  let context = zones.get(timeZone)
  if (!context) {
    context = tz(timeZone)
    zones.set(timeZone, context)
  }
  return context
}
