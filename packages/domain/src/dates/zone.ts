/** An IANA time zone name, e.g. the organization's `America/Chicago`. */
export type TimeZone = string

/** An ISO string or a Date as a Date; null when missing or not a date. */
export function toInstant(value: Date | string | null | undefined): Date | null {
  if (value == null || value === '') return null
  const date = typeof value === 'string' ? new Date(value) : value
  return Number.isNaN(date.getTime()) ? null : date
}
