// Weekdays as the database numbers them (0 = Sunday, as Postgres' extract(dow)), shown Monday first
// as a working week is read.

export const weekdayNames = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const
export const weekdayShortNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6

/** The order the hours table shows: Monday to Sunday. */
export const weekdaysFromMonday: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0]

export function weekdayName(weekday: number): string {
  return weekdayNames[weekday] ?? `Day ${weekday}`
}

export function isWeekday(value: unknown): value is Weekday {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 6
}
