import { describe, expect, it } from 'vitest'
import {
  addDaysToKey,
  dayKey,
  daysFrom,
  formatDayKey,
  formatDayKeyDate,
  parseDayKey,
  parseDayParam,
} from './day-keys.ts'
import { endOfZonedDay, endOfZonedWeek, startOfZonedDay, startOfZonedWeek } from './zoned-days.ts'

describe('day keys', () => {
  it('puts an instant on the organization’s calendar day, not the server’s', () => {
    // 3:00 AM in Chicago on Jan 15 is still Jan 15 there, and already the evening in Tokyo.
    expect(dayKey('2026-01-15T09:00:00Z', 'America/Chicago')).toBe('2026-01-15')
    // 11:30 PM in Chicago is the next day in UTC.
    expect(dayKey('2026-01-16T05:30:00Z', 'America/Chicago')).toBe('2026-01-15')
    expect(dayKey('2026-01-16T05:30:00Z', 'UTC')).toBe('2026-01-16')
  })

  it('accepts only real calendar days', () => {
    expect(parseDayKey('2026-02-28')).toBe('2026-02-28')
    expect(parseDayKey('2026-02-30')).toBeNull()
    expect(parseDayKey('2026-2-3')).toBeNull()
    expect(parseDayKey(undefined)).toBeNull()
  })

  it('finds where a day starts and ends in the zone, across a DST change', () => {
    expect(startOfZonedDay('2026-01-15', 'America/Chicago').toISOString()).toBe(
      '2026-01-15T06:00:00.000Z',
    )
    expect(startOfZonedDay('2026-07-15', 'America/Chicago').toISOString()).toBe(
      '2026-07-15T05:00:00.000Z',
    )
    // Spring forward: Mar 8 2026 has 23 hours in Chicago.
    expect(endOfZonedDay('2026-03-08', 'America/Chicago').toISOString()).toBe(
      '2026-03-09T04:59:59.999Z',
    )
  })

  it('steps through the calendar by days', () => {
    expect(addDaysToKey('2026-03-07', 1)).toBe('2026-03-08')
    expect(addDaysToKey('2026-03-01', -1)).toBe('2026-02-28')
    expect(daysFrom('2026-12-30', 3)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01'])
    expect(formatDayKey('2026-03-01')).toBe('Sun, Mar 1')
  })

  it('finds the zone’s calendar week', () => {
    // Saturday 11 PM in Chicago is Sunday in UTC: still the week of Jan 11 in Chicago.
    expect(startOfZonedWeek('2026-01-18T05:00:00Z', 'America/Chicago')).toBe('2026-01-11')
    expect(endOfZonedWeek('2026-01-18T05:00:00Z', 'America/Chicago')).toBe('2026-01-17')
    expect(startOfZonedWeek('2026-01-18T05:00:00Z', 'UTC')).toBe('2026-01-18')
  })
})

describe('board days', () => {
  it('uses the organization time zone for the calendar day', () => {
    // 03:30 UTC is still the previous evening in New York.
    expect(dayKey('2026-11-24T03:30:00Z', 'America/New_York')).toBe('2026-11-23')
    expect(dayKey('2026-11-24T03:30:00Z', 'UTC')).toBe('2026-11-24')
  })

  it('steps whole days across month ends and ignores malformed day params', () => {
    expect(daysFrom('2026-11-29', 4)).toEqual([
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ])
    expect(parseDayParam('2026-13-45', 'UTC', new Date('2026-11-22T10:00:00Z'))).toBe('2026-11-22')
    expect(parseDayParam('2026-11-30', 'UTC')).toBe('2026-11-30')
  })

  it('prints a calendar day with its year, whatever zone reads it', () => {
    expect(formatDayKeyDate('2026-03-01')).toBe('Mar 1, 2026')
    expect(formatDayKeyDate('2026-02-30')).toBe('—')
    expect(formatDayKeyDate(null)).toBe('—')
  })
})
