// Working hours and time off as minute spans of a calendar day, to shade a column: white while a
// technician works, grey outside their hours, hatched while they are off.
import type { TimeOffRow, WorkingHoursRow } from '@repo/database/types'
import type { DayKey } from '../dates/day-keys.ts'
import type { TimeZone } from '../dates/zone.ts'
import { parseTimeOfDay, spanOnDay, weekdayOf } from './day-minutes.ts'
import { MINUTES_PER_DAY, type MinuteSpan } from './time-axis.ts'

type Shift = Pick<WorkingHoursRow, 'staff_member_id' | 'weekday' | 'starts_at' | 'ends_at'>
type Absence = Pick<TimeOffRow, 'staff_member_id' | 'starts_at' | 'ends_at' | 'reason'>

/** Merges overlapping or touching spans, in order. */
export function mergeSpans(spans: readonly MinuteSpan[]): MinuteSpan[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start)
  const merged: MinuteSpan[] = []
  for (const span of sorted) {
    const last = merged.at(-1)
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end)
    else merged.push({ ...span })
  }
  return merged
}

/**
 * The shifts on `day` of the given staff members (one technician, or all of them for a week
 * column), merged. `time` columns read `08:00:00`; an end of `24:00` would read as the day's end.
 */
export function shiftsOn(
  hours: readonly Shift[],
  staffIds: readonly string[],
  day: DayKey,
): MinuteSpan[] {
  const weekday = weekdayOf(day)
  const spans: MinuteSpan[] = []
  for (const shift of hours) {
    if (shift.weekday !== weekday || !staffIds.includes(shift.staff_member_id)) continue
    const start = parseTimeOfDay(shift.starts_at)
    const end = shift.ends_at.startsWith('24:') ? MINUTES_PER_DAY : parseTimeOfDay(shift.ends_at)
    if (start !== null && end !== null) spans.push({ start, end })
  }
  return mergeSpans(spans)
}

export interface AbsenceSpan extends MinuteSpan {
  reason: string | null
}

/** One technician's time off on `day` (clipped to the day). */
export function timeOffOn(
  rows: readonly Absence[],
  staffId: string,
  day: DayKey,
  timeZone: TimeZone,
): AbsenceSpan[] {
  const spans: AbsenceSpan[] = []
  for (const row of rows) {
    if (row.staff_member_id !== staffId) continue
    const span = spanOnDay({ start: row.starts_at, end: row.ends_at }, day, timeZone)
    if (span) spans.push({ ...span, reason: row.reason })
  }
  return spans.sort((a, b) => a.start - b.start)
}

/** The parts of `range` outside every span (off hours, when the spans are the shifts). */
export function gapsIn(range: MinuteSpan, spans: readonly MinuteSpan[]): MinuteSpan[] {
  const gaps: MinuteSpan[] = []
  let cursor = range.start
  for (const span of mergeSpans(spans)) {
    if (span.end <= cursor) continue
    if (span.start >= range.end) break
    if (span.start > cursor) gaps.push({ start: cursor, end: span.start })
    cursor = Math.max(cursor, span.end)
  }
  if (cursor < range.end) gaps.push({ start: cursor, end: range.end })
  return gaps
}
