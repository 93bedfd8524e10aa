import { describe, expect, it } from 'vitest'
import {
  formatTimeOfDay,
  instantAtMinute,
  minuteOfDay,
  minutesBetween,
  parseTimeOfDay,
  spanOnDay,
  weekdayOf,
  windowAt,
} from './day-minutes.ts'

const chicago = 'America/Chicago'

describe('minutes of a business day', () => {
  it('reads wall-clock minutes in the business zone, whatever the instant says in UTC', () => {
    // 9:30 AM in Chicago (CST, UTC-6).
    expect(minuteOfDay('2026-01-15T15:30:00Z', '2026-01-15', chicago)).toBe(570)
    // 3:00 AM in Chicago is already the 15th in Chicago but 9:00 UTC.
    expect(minuteOfDay('2026-01-15T09:00:00Z', '2026-01-15', chicago)).toBe(180)
  })

  it('clips to the day', () => {
    expect(minuteOfDay('2026-01-14T23:00:00Z', '2026-01-15', chicago)).toBe(0)
    expect(minuteOfDay('2026-01-16T12:00:00Z', '2026-01-15', chicago)).toBe(1440)
    expect(
      spanOnDay(
        { start: '2026-01-15T04:00:00Z', end: '2026-01-15T18:00:00Z' },
        '2026-01-15',
        chicago,
      ),
    ).toEqual({
      start: 0,
      end: 720,
    })
    expect(
      spanOnDay(
        { start: '2026-01-13T04:00:00Z', end: '2026-01-14T18:00:00Z' },
        '2026-01-15',
        chicago,
      ),
    ).toBeNull()
  })

  it('turns a minute of a day back into the instant, across the DST switches', () => {
    expect(instantAtMinute('2026-01-15', 570, chicago)).toBe('2026-01-15T15:30:00.000Z')
    // March 8, 2026: clocks go forward at 2 AM; 9 AM is CDT (UTC-5).
    expect(instantAtMinute('2026-03-08', 540, chicago)).toBe('2026-03-08T14:00:00.000Z')
    expect(minuteOfDay('2026-03-08T14:00:00Z', '2026-03-08', chicago)).toBe(540)
    // November 1, 2026: back to CST; 9 AM is UTC-6 again.
    expect(instantAtMinute('2026-11-01', 540, chicago)).toBe('2026-11-01T15:00:00.000Z')
    expect(instantAtMinute('2026-01-15', 1440, chicago)).toBe('2026-01-16T06:00:00.000Z')
  })

  it('builds a window from a start minute and a duration', () => {
    expect(windowAt('2026-01-15', 600, 90, chicago)).toEqual({
      scheduledStart: '2026-01-15T16:00:00.000Z',
      scheduledEnd: '2026-01-15T17:30:00.000Z',
    })
    expect(minutesBetween('2026-01-15T16:00:00Z', '2026-01-15T17:30:00Z')).toBe(90)
  })
})

describe('time-of-day fields', () => {
  it('reads and writes HH:MM', () => {
    expect(parseTimeOfDay('08:00:00')).toBe(480)
    expect(parseTimeOfDay('17:45')).toBe(1065)
    expect(parseTimeOfDay('25:00')).toBeNull()
    expect(parseTimeOfDay('9am')).toBeNull()
    expect(formatTimeOfDay(570)).toBe('09:30')
  })

  it('numbers weekdays from Sunday, as the working hours do', () => {
    expect(weekdayOf('2026-01-18')).toBe(0)
    expect(weekdayOf('2026-01-15')).toBe(4)
  })
})
