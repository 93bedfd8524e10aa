// The calendar's vertical axis: minutes of a day (wall-clock, 0–1440) to pixels and back, and the
// hours it shows. Pure numbers, so the browser's drag maths and the tests agree.

/** Moves and resizes land on quarter hours. */
export const SNAP_MINUTES = 15
/** The shortest job the calendar makes (one snap step). */
export const MIN_DURATION_MINUTES = SNAP_MINUTES
/** The database refuses anything longer. */
export const MAX_DURATION_MINUTES = 24 * 60
export const MINUTES_PER_DAY = 24 * 60

/** A stretch of one day in minutes since its midnight, end exclusive. */
export interface MinuteSpan {
  start: number
  end: number
}

export interface TimeAxis extends MinuteSpan {
  /** Height of one hour in pixels. */
  hourHeight: number
}

/** What the calendar shows when nothing lies outside it: 7 AM to 7 PM. */
export const DEFAULT_VISIBLE_HOURS: MinuteSpan = { start: 7 * 60, end: 19 * 60 }

const clampDay = (minute: number) => Math.min(MINUTES_PER_DAY, Math.max(0, minute))

/**
 * The hours to show: the default day, widened to whole hours so every span (jobs, shifts) fits.
 */
export function visibleHours(
  spans: readonly MinuteSpan[],
  base: MinuteSpan = DEFAULT_VISIBLE_HOURS,
): MinuteSpan {
  let start = base.start
  let end = base.end
  for (const span of spans) {
    start = Math.min(start, span.start)
    end = Math.max(end, span.end)
  }
  return { start: clampDay(Math.floor(start / 60) * 60), end: clampDay(Math.ceil(end / 60) * 60) }
}

/** Pixels from the top of the axis to a minute of the day. */
export function minuteToOffset(minute: number, axis: TimeAxis): number {
  return ((minute - axis.start) * axis.hourHeight) / 60
}

/** The minute of the day at a pixel offset from the top of the axis (not snapped). */
export function offsetToMinute(offset: number, axis: TimeAxis): number {
  return axis.start + (offset * 60) / axis.hourHeight
}

/** Height in pixels of a number of minutes. */
export function minutesToHeight(minutes: number, axis: TimeAxis): number {
  return (minutes * axis.hourHeight) / 60
}

/** Pixels as minutes (a drag's vertical distance). */
export function heightToMinutes(height: number, axis: TimeAxis): number {
  return (height * 60) / axis.hourHeight
}

/** To the nearest step (15 minutes by default). */
export function snapMinutes(minutes: number, step: number = SNAP_MINUTES): number {
  // `+ 0` turns -0 into 0.
  return Math.round(minutes / step) * step + 0
}

/** The axis's full height in pixels. */
export function axisHeight(axis: TimeAxis): number {
  return minutesToHeight(axis.end - axis.start, axis)
}

/** The whole hours on the axis, for its labels and lines. */
export function axisHourMarks(axis: MinuteSpan): number[] {
  const marks: number[] = []
  for (let minute = Math.ceil(axis.start / 60) * 60; minute <= axis.end; minute += 60)
    marks.push(minute)
  return marks
}

/** An hour mark's label: `7 AM`, `12 PM`, `12 AM` for midnight. */
export function formatHourMark(minute: number): string {
  const hour = Math.floor(minute / 60) % 24
  return `${hour % 12 || 12} ${hour < 12 ? 'AM' : 'PM'}`
}

/**
 * Where a job moved by a drag starts: the dropped position snapped, kept inside the day so the
 * whole job fits.
 */
export function droppedStart(minute: number, durationMinutes: number): number {
  const snapped = snapMinutes(minute)
  return Math.min(Math.max(0, snapped), Math.max(0, MINUTES_PER_DAY - durationMinutes))
}

/** A resized duration: snapped, at least one step, never past the end of the day. */
export function resizedDuration(startMinute: number, durationMinutes: number): number {
  const snapped = Math.max(MIN_DURATION_MINUTES, snapMinutes(durationMinutes))
  return Math.min(snapped, Math.max(MIN_DURATION_MINUTES, MINUTES_PER_DAY - startMinute))
}
