// Board days are calendar days in the organization's time zone, not the server's.
export function dayKey(instant: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    typeof instant === 'string' ? new Date(instant) : instant,
  )
}

export function parseDayParam(value: string | undefined, timeZone: string, now = new Date()): string {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T12:00:00Z`))
    ? value
    : dayKey(now, timeZone)
}

/** Consecutive day keys starting at `first` (calendar arithmetic at noon UTC avoids DST edges). */
export function daysFrom(first: string, count: number): string[] {
  const base = Date.parse(`${first}T12:00:00Z`)
  return Array.from({ length: count }, (_, i) => new Date(base + i * 86_400_000).toISOString().slice(0, 10))
}

export function dayLabel(key: string): string {
  return new Date(`${key}T12:00:00Z`).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  })
}
