import { describe, expect, it } from 'vitest'
import { describeBookingRules, isSlotStep } from './booking-rules.ts'
import { describeDay, describeWeek, shiftProblems, shiftsOn } from './shifts.ts'
import { formatDuration, formatTimeOfDay, minutesOfDay, toTimeInputValue } from './time-of-day.ts'
import { describeTimeOff, timeOffRange } from './time-off.ts'
import { weekdayName, weekdaysFromMonday } from './weekdays.ts'

const chicago = 'America/Chicago'

describe('weekdays and times of day', () => {
  it('numbers weekdays as the database does and shows Monday first', () => {
    expect(weekdayName(0)).toBe('Sunday')
    expect(weekdayName(6)).toBe('Saturday')
    expect(weekdaysFromMonday).toEqual([1, 2, 3, 4, 5, 6, 0])
  })

  it('reads and writes times of day', () => {
    expect(minutesOfDay('08:30:00')).toBe(510)
    expect(minutesOfDay('8:30')).toBeNull()
    expect(minutesOfDay('24:00')).toBeNull()
    expect(toTimeInputValue('17:00:00')).toBe('17:00')
    expect(formatTimeOfDay('00:15:00')).toBe('12:15 AM')
    expect(formatTimeOfDay('12:00')).toBe('12:00 PM')
    expect(formatTimeOfDay('17:30:00')).toBe('5:30 PM')
    expect(formatDuration(450)).toBe('7 h 30 min')
    expect(formatDuration(45)).toBe('45 min')
  })
})

describe('shifts', () => {
  it('accepts a normal week and a split day', () => {
    expect(
      shiftProblems([
        { weekday: 1, starts_at: '08:00', ends_at: '12:00' },
        { weekday: 1, starts_at: '13:00', ends_at: '17:00' },
        { weekday: 2, starts_at: '08:00:00', ends_at: '17:00:00' },
      ]),
    ).toEqual([])
  })

  it('refuses an end not after the start, overlapping hours and missing times', () => {
    expect(
      shiftProblems([
        { weekday: 1, starts_at: '09:00', ends_at: '09:00' },
        { weekday: 2, starts_at: '08:00', ends_at: '12:00' },
        { weekday: 2, starts_at: '11:30', ends_at: '15:00' },
        { weekday: 3, starts_at: '', ends_at: '15:00' },
        { weekday: 7, starts_at: '08:00', ends_at: '15:00' },
      ]),
    ).toEqual([
      { index: 0, field: 'ends_at', message: 'The end must be after the start' },
      { index: 2, field: 'starts_at', message: 'Overlaps the other hours on Tuesday' },
      { index: 3, field: 'starts_at', message: 'Enter a start time' },
      { index: 4, field: 'weekday', message: 'Pick a day of the week' },
    ])
  })

  it('lets one shift end where the next begins', () => {
    expect(
      shiftProblems([
        { weekday: 5, starts_at: '08:00', ends_at: '12:00' },
        { weekday: 5, starts_at: '12:00', ends_at: '16:00' },
      ]),
    ).toEqual([])
  })

  it('describes a day and a week', () => {
    const week = [
      { weekday: 1, starts_at: '13:00:00', ends_at: '17:00:00' },
      { weekday: 1, starts_at: '08:00:00', ends_at: '12:00:00' },
      { weekday: 2, starts_at: '08:00:00', ends_at: '17:00:00' },
    ]
    expect(describeDay(shiftsOn(week, 1))).toBe('8:00 AM–12:00 PM, 1:00 PM–5:00 PM')
    expect(describeDay(shiftsOn(week, 0))).toBe('Off')
    expect(describeWeek(week)).toBe('17 h a week')
  })
})

describe('booking rules', () => {
  it('knows the slot steps and says what customers get', () => {
    expect(isSlotStep(20)).toBe(true)
    expect(isSlotStep(25)).toBe(false)
    const rules = {
      online_booking: true,
      instant_booking: false,
      booking_lead_hours: 24,
      booking_horizon_days: 60,
    }
    expect(describeBookingRules(rules)).toBe(
      'Customers request free times from 24 hours ahead up to 60 days ahead; the office accepts each request.',
    )
    expect(
      describeBookingRules({
        ...rules,
        instant_booking: true,
        booking_lead_hours: 1,
        booking_horizon_days: 1,
      }),
    ).toBe(
      'Customers book free times from 1 hour ahead up to 1 day ahead; bookings are scheduled at once.',
    )
    expect(describeBookingRules({ ...rules, online_booking: false })).toMatch(/cannot book online/)
  })
})

describe('time off in the organization’s zone', () => {
  it('turns whole days into midnight-to-midnight, across a DST change (23-hour day)', () => {
    const range = timeOffRange(
      { allDay: true, firstDay: '2027-03-14', lastDay: '2027-03-14' },
      chicago,
    )
    expect(range).toEqual({
      ok: true,
      range: { starts_at: '2027-03-14T06:00:00.000Z', ends_at: '2027-03-15T05:00:00.000Z' },
    })
    if (range.ok) expect(describeTimeOff(range.range, chicago)).toBe('Sun, Mar 14 (all day)')
  })

  it('spans several days and describes them', () => {
    const range = timeOffRange(
      { allDay: true, firstDay: '2027-01-04', lastDay: '2027-01-06' },
      chicago,
    )
    expect(range.ok && range.range).toEqual({
      starts_at: '2027-01-04T06:00:00.000Z',
      ends_at: '2027-01-07T06:00:00.000Z',
    })
    if (range.ok)
      expect(describeTimeOff(range.range, chicago)).toBe('Mon, Jan 4 – Wed, Jan 6 (all day)')
  })

  it('takes times on one day', () => {
    const range = timeOffRange(
      { allDay: false, day: '2027-01-04', startTime: '09:00', endTime: '13:30' },
      chicago,
    )
    expect(range.ok && range.range).toEqual({
      starts_at: '2027-01-04T15:00:00.000Z',
      ends_at: '2027-01-04T19:30:00.000Z',
    })
    if (range.ok) expect(describeTimeOff(range.range, chicago)).toBe('Mon, Jan 4, 9:00 AM–1:30 PM')
  })

  it('says what is wrong with what was typed', () => {
    expect(timeOffRange({ allDay: true, firstDay: '', lastDay: '' }, chicago)).toMatchObject({
      ok: false,
      field: 'firstDay',
    })
    expect(
      timeOffRange({ allDay: true, firstDay: '2027-01-04', lastDay: '2027-01-03' }, chicago),
    ).toMatchObject({
      ok: false,
      message: 'The last day cannot be before the first',
    })
    expect(
      timeOffRange(
        { allDay: false, day: '2027-01-04', startTime: '13:00', endTime: '09:00' },
        chicago,
      ),
    ).toMatchObject({
      ok: false,
      field: 'endTime',
    })
  })

  it('describes an overnight stretch with both ends', () => {
    expect(
      describeTimeOff(
        { starts_at: '2027-01-04T23:00:00.000Z', ends_at: '2027-01-05T15:00:00.000Z' },
        chicago,
      ),
    ).toBe('Mon, Jan 4, 5:00 PM – Tue, Jan 5, 9:00 AM')
  })
})
