// Free start times as a customer picks them: a page of days in the organization's time zone, each
// with its times. The database computes the slots; this only groups and words them.
import { addDaysToKey, type DayKey, dayKey, daysFrom, formatDayKey } from '../dates/day-keys.ts'
import { formatDay, formatTime } from '../dates/format.ts'
import type { TimeZone } from '../dates/zone.ts'

/** One free start time (as `available_slots` returns it). */
export interface Slot {
  starts_at: string
  ends_at: string
}

export interface SlotDay<S extends Slot = Slot> {
  day: DayKey
  /** `Mon, Dec 8`. */
  label: string
  slots: S[]
}

/** How many days one page of the picker shows (two weeks). */
export const SLOT_PAGE_DAYS = 14

/**
 * Every day of the page starting at `first`, each with its slots in time order. Days without a
 * free time are kept (the picker shows them as full); slots outside the page are dropped.
 */
export function groupSlotsByDay<S extends Slot>(
  slots: readonly S[],
  timeZone: TimeZone,
  first: DayKey,
  count: number = SLOT_PAGE_DAYS,
): SlotDay<S>[] {
  const days = daysFrom(first, count).map((day) => ({
    day,
    label: formatDayKey(day),
    slots: [] as S[],
  }))
  const byKey = new Map(days.map((d) => [d.day, d]))
  const sorted = [...slots].sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at))
  for (const slot of sorted) byKey.get(dayKey(slot.starts_at, timeZone))?.slots.push(slot)
  return days
}

/** A day button's three lines: `{ weekday: 'Mon', day: '8', month: 'Dec' }`. */
export function dayChipParts(key: DayKey): { weekday: string; day: string; month: string } {
  const [weekday = '', month = '', day = ''] = formatDayKey(key).split(/,? /)
  return { weekday, day, month }
}

/** The page before `first`, never before `today`. */
export function earlierSlotPage(
  first: DayKey,
  today: DayKey,
  count: number = SLOT_PAGE_DAYS,
): DayKey {
  const earlier = addDaysToKey(first, -count)
  return earlier < today ? today : earlier
}

/** The first day of the page that has a free time, or null. */
export function firstDayWithSlots<S extends Slot>(days: readonly SlotDay<S>[]): DayKey | null {
  return days.find((d) => d.slots.length > 0)?.day ?? null
}

/** A slot button's text: `9:00 AM`. */
export function slotTimeLabel(slot: Slot, timeZone: TimeZone): string {
  return formatTime(slot.starts_at, timeZone)
}

/** A slot button's accessible name, with its day: `Mon, Dec 8 at 9:00 AM`. */
export function slotAccessibleName(slot: Slot, timeZone: TimeZone): string {
  return `${formatDay(slot.starts_at, timeZone)} at ${formatTime(slot.starts_at, timeZone)}`
}

/** The chosen time in a summary: `Mon, Dec 8, 9:00 AM–11:00 AM`. */
export function slotSummary(slot: Slot, timeZone: TimeZone): string {
  return `${formatDay(slot.starts_at, timeZone)}, ${formatTime(slot.starts_at, timeZone)}–${formatTime(slot.ends_at, timeZone)}`
}

/** A page's range for its heading: `Dec 3 – Dec 16`. */
export function slotPageRange(first: DayKey, count: number = SLOT_PAGE_DAYS): string {
  const short = (key: DayKey) => formatDayKey(key).replace(/^\w+, /, '')
  return `${short(first)} – ${short(addDaysToKey(first, count - 1))}`
}

/**
 * Whether a later page can hold bookable days: customers book at most `horizonDays` ahead of
 * `today` (the business's booking horizon).
 */
export function hasLaterSlotPage(
  first: DayKey,
  today: DayKey,
  horizonDays: number,
  count: number = SLOT_PAGE_DAYS,
): boolean {
  return addDaysToKey(first, count) <= addDaysToKey(today, horizonDays)
}

/**
 * Up to `count` free times after a taken one, for "that time was just taken: here are the next
 * free times" (the earliest ones when nothing is left after it).
 */
export function nextSlotsAfter<S extends Slot>(slots: readonly S[], taken: string, count = 4): S[] {
  const at = Date.parse(taken)
  const sorted = [...slots].sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at))
  const after = sorted.filter((s) => Date.parse(s.starts_at) > at)
  return (after.length > 0 ? after : sorted).slice(0, count)
}
