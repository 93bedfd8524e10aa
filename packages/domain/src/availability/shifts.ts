// A technician's week: shifts per weekday, local to the organization. The database checks the same
// rules (end after start; no two shifts of a day overlap) and replaces a week in one transaction.
import { formatDuration, formatTimeOfDay, minutesOfDay } from './time-of-day.ts'
import { isWeekday, type Weekday, weekdayName } from './weekdays.ts'

export interface Shift {
  weekday: number
  /** `HH:MM` or `HH:MM:SS`. */
  starts_at: string
  ends_at: string
}

export interface ShiftProblem {
  /** The shift's position in the list given. */
  index: number
  field: 'weekday' | 'starts_at' | 'ends_at'
  message: string
}

/** A week has at most 28 shifts (set_working_hours refuses more). */
export const MAX_SHIFTS_PER_WEEK = 28

/** Everything wrong with a week's shifts, one problem per shift at most. */
export function shiftProblems(shifts: readonly Shift[]): ShiftProblem[] {
  const problems: ShiftProblem[] = []
  const valid: { index: number; weekday: number; start: number; end: number }[] = []
  shifts.forEach((shift, index) => {
    const start = minutesOfDay(shift.starts_at)
    const end = minutesOfDay(shift.ends_at)
    if (!isWeekday(shift.weekday))
      problems.push({ index, field: 'weekday', message: 'Pick a day of the week' })
    else if (start === null)
      problems.push({ index, field: 'starts_at', message: 'Enter a start time' })
    else if (end === null) problems.push({ index, field: 'ends_at', message: 'Enter an end time' })
    else if (end <= start)
      problems.push({ index, field: 'ends_at', message: 'The end must be after the start' })
    else valid.push({ index, weekday: shift.weekday, start, end })
  })
  for (const a of valid) {
    const clash = valid.find(
      (b) => b.index < a.index && b.weekday === a.weekday && b.start < a.end && a.start < b.end,
    )
    if (clash) {
      problems.push({
        index: a.index,
        field: 'starts_at',
        message: `Overlaps the other hours on ${weekdayName(a.weekday)}`,
      })
    }
  }
  if (shifts.length > MAX_SHIFTS_PER_WEEK) {
    problems.push({
      index: MAX_SHIFTS_PER_WEEK,
      field: 'weekday',
      message: `At most ${MAX_SHIFTS_PER_WEEK} shifts a week`,
    })
  }
  return problems.sort((a, b) => a.index - b.index)
}

/** The shifts of one weekday, earliest first. */
export function shiftsOn<T extends Shift>(shifts: readonly T[], weekday: Weekday): T[] {
  return shifts
    .filter((s) => s.weekday === weekday)
    .sort((a, b) => (minutesOfDay(a.starts_at) ?? 0) - (minutesOfDay(b.starts_at) ?? 0))
}

/** `8:00 AM–5:00 PM`, `8:00 AM–12:00 PM, 1:00 PM–5:00 PM`, or `Off`. */
export function describeDay(shifts: readonly Shift[]): string {
  if (shifts.length === 0) return 'Off'
  return shifts
    .map((s) => `${formatTimeOfDay(s.starts_at)}–${formatTimeOfDay(s.ends_at)}`)
    .join(', ')
}

/** Hours worked in a week: `40 h`. */
export function describeWeek(shifts: readonly Shift[]): string {
  const minutes = shifts.reduce((sum, s) => {
    const start = minutesOfDay(s.starts_at)
    const end = minutesOfDay(s.ends_at)
    return start === null || end === null || end <= start ? sum : sum + end - start
  }, 0)
  return `${formatDuration(minutes)} a week`
}
