// Money is stored in integer cents; formatting happens only at the edge.

export function formatCents(cents: number, currency = 'USD', locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100)
}

export function formatPoints(points: number, locale = 'en-US'): string {
  const n = new Intl.NumberFormat(locale).format(Math.abs(points))
  return `${points < 0 ? '−' : ''}${n} ${Math.abs(points) === 1 ? 'point' : 'points'}`
}

/** Date + time in the business's time zone so customers and staff read the same hour. */
export function formatDateTime(iso: string | null | undefined, timeZone?: string, locale = 'en-US'): string {
  if (!iso) return '—'
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso))
}

export function formatDate(iso: string | null | undefined, timeZone?: string, locale = 'en-US'): string {
  if (!iso) return '—'
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone }).format(
    new Date(iso),
  )
}
