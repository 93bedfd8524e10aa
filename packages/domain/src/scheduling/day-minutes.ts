// Instants of a job as minutes of one calendar day in the organization's zone, and back. The
// calendar is laid out by wall-clock time, so a 9:00 AM job sits at 9 AM on a DST change day too.
import { addDaysToKey, type DayKey, dayKey } from '../dates/day-keys.ts'
import { wallTime } from '../dates/wall-time.ts'
import type { TimeZone } from '../dates/zone.ts'
import { fromZonedInputValue } from '../dates/zoned-input.ts'
import { MINUTES_PER_DAY, type MinuteSpan } from './time-axis.ts'

const two = (n: number) => String(n).padStart(2, '0')

/**
 * The wall-clock minute of `day` an instant falls on: 0 for anything before the day began,
 * 1440 for anything after it ended.
 */
export function minuteOfDay(instant: Date | string, day: DayKey, timeZone: TimeZone): number {
  const at = new Date(instant)
  const onDay = dayKey(at, timeZone)
  if (onDay < day) return 0
  if (onDay > day) return MINUTES_PER_DAY
  const t = wallTime(at, timeZone)
  return Number(t.hour24) * 60 + Number(t.minute)
}

/** The part of a window (a job, time off) that lies on `day`, or null when none does. */
export function spanOnDay(
  window: { start: Date | string; end: Date | string },
  day: DayKey,
  timeZone: TimeZone,
): MinuteSpan | null {
  const start = minuteOfDay(window.start, day, timeZone)
  const end = minuteOfDay(window.end, day, timeZone)
  return end > start ? { start, end } : null
}

/** The instant (ISO) that is `minute` past midnight of `day` on the zone's clock (1440: next midnight). */
export function instantAtMinute(day: DayKey, minute: number, timeZone: TimeZone): string {
  const whole = Math.round(minute)
  if (whole >= MINUTES_PER_DAY)
    return instantAtMinute(addDaysToKey(day, 1), whole - MINUTES_PER_DAY, timeZone)
  return fromZonedInputValue(`${day}T${two(Math.floor(whole / 60))}:${two(whole % 60)}`, timeZone)
}

/** Minutes between two instants (a job's length). */
export function minutesBetween(start: Date | string, end: Date | string): number {
  return Math.round((new Date(end).getTime() - new Date(start).getTime()) / 60_000)
}

/** A new window for a job: `durationMinutes` from `startMinute` of `day`, as ISO instants. */
export function windowAt(
  day: DayKey,
  startMinute: number,
  durationMinutes: number,
  timeZone: TimeZone,
): { scheduledStart: string; scheduledEnd: string } {
  const scheduledStart = instantAtMinute(day, startMinute, timeZone)
  return {
    scheduledStart,
    scheduledEnd: new Date(
      new Date(scheduledStart).getTime() + durationMinutes * 60_000,
    ).toISOString(),
  }
}

/** `HH:MM` (an <input type="time"> value) as minutes, or null when it is not a time. */
export function parseTimeOfDay(value: string): number | null {
  const match = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(value)
  if (!match) return null
  const hours = Number(match[1])
  const minutes = Number(match[2])
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null
}

/** Minutes as `HH:MM` (for an <input type="time">). */
export function formatTimeOfDay(minute: number): string {
  const whole = Math.max(0, Math.min(MINUTES_PER_DAY - 1, Math.round(minute)))
  return `${two(Math.floor(whole / 60))}:${two(whole % 60)}`
}

/** 0 = Sunday … 6 = Saturday, as the working hours store weekdays. */
export function weekdayOf(day: DayKey): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}
