import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatDay, formatMessageTime, formatTime, formatTimeRange } from './format.ts'

describe('dates', () => {
  it('renders in the given time zone and a dash for missing values', () => {
    expect(formatDate('2026-03-01T02:00:00Z', 'America/Los_Angeles')).toBe('Feb 28, 2026')
    expect(formatDate(null, 'UTC')).toBe('—')
    expect(formatDateTime('2026-03-01T17:30:00Z', 'UTC')).toBe('Sun, Mar 1, 5:30 PM')
  })

  it('prints the same wall time for the business wherever it is rendered', () => {
    // 3:00 AM in Chicago is 09:00 UTC in winter and 08:00 UTC in summer.
    expect(formatDateTime('2026-01-15T09:00:00Z', 'America/Chicago')).toBe('Thu, Jan 15, 3:00 AM')
    expect(formatDateTime('2026-07-15T08:00:00Z', 'America/Chicago')).toBe('Wed, Jul 15, 3:00 AM')
    expect(formatDateTime('2026-01-15T09:00:00Z', 'Asia/Tokyo')).toBe('Thu, Jan 15, 6:00 PM')
  })

  it('formats times, days and appointment windows', () => {
    expect(formatTime('2026-01-15T15:05:00Z', 'America/Chicago')).toBe('9:05 AM')
    expect(formatDay('2026-01-16T03:00:00Z', 'America/Chicago')).toBe('Thu, Jan 15')
    expect(formatTimeRange('2026-01-15T15:00:00Z', '2026-01-15T17:30:00Z', 'America/Chicago')).toBe(
      'Thu, Jan 15, 9:00 AM–11:30 AM',
    )
    expect(formatDateTime('not a date', 'UTC')).toBe('—')
  })
})

describe('formatMessageTime', () => {
  it('shows only the time for today in the organization’s zone, the date too before that', () => {
    const zone = 'America/Chicago'
    // 9:30 PM on Mar 1 in Chicago is already Mar 2 in UTC.
    const now = '2026-03-02T03:30:00Z'
    expect(formatMessageTime('2026-03-02T01:00:00Z', zone, now)).toBe('7:00 PM')
    expect(formatMessageTime('2026-03-01T05:00:00Z', zone, now)).toBe('Sat, Feb 28, 11:00 PM')
    expect(formatMessageTime('2026-03-01T06:00:00Z', zone, now)).toBe('12:00 AM')
    expect(formatMessageTime(null, zone, now)).toBe('—')
  })
})

