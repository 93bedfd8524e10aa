// Times of day as the database keeps them (`time`: "08:00:00") and as a time input types them
// ("08:00"), in the organization's zone (a shift at 8 AM is 8 AM there, whatever the season).

const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?$/

/** Minutes after midnight, or null for anything that is not a time of day. */
export function minutesOfDay(value: string): number | null {
  const match = TIME.exec(value.trim())
  if (!match) return null
  return Number(match[1]) * 60 + Number(match[2])
}

/** `08:00` for a time input from the database's `08:00:00`; '' for anything else. */
export function toTimeInputValue(value: string | null | undefined): string {
  const minutes = value ? minutesOfDay(value) : null
  return minutes === null ? '' : fromMinutes(minutes)
}

/** `HH:MM` for minutes after midnight. */
export function fromMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`
}

/** `8:00 AM`, `1:30 PM` (en-US, as every date in the product). */
export function formatTimeOfDay(value: string): string {
  const minutes = minutesOfDay(value)
  if (minutes === null) return value
  const h = Math.floor(minutes / 60)
  const m = String(minutes % 60).padStart(2, '0')
  return `${h % 12 === 0 ? 12 : h % 12}:${m} ${h < 12 ? 'AM' : 'PM'}`
}

/** `2 h`, `7 h 30 min`, `45 min`. */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h === 0) return `${m} min`
  return m === 0 ? `${h} h` : `${h} h ${m} min`
}
