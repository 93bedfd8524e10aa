import { describe, expect, it } from 'vitest'
import { gapsIn, mergeSpans, shiftsOn, timeOffOn } from './availability.ts'
import { conflictKindLabel, conflictQuestion, sortConflicts } from './conflicts.ts'

const tom = 'tom'
const marco = 'marco'
const hours = [
  { staff_member_id: tom, weekday: 4, starts_at: '08:00:00', ends_at: '12:00:00' },
  { staff_member_id: tom, weekday: 4, starts_at: '13:00:00', ends_at: '17:00:00' },
  { staff_member_id: marco, weekday: 4, starts_at: '10:00:00', ends_at: '19:00:00' },
  { staff_member_id: marco, weekday: 5, starts_at: '08:00:00', ends_at: '17:00:00' },
]

describe('shading a column', () => {
  it('reads a technician’s shifts of the weekday (Thursday, Jan 15, 2026)', () => {
    expect(shiftsOn(hours, [tom], '2026-01-15')).toEqual([
      { start: 480, end: 720 },
      { start: 780, end: 1020 },
    ])
    expect(shiftsOn(hours, [tom], '2026-01-18')).toEqual([])
  })

  it('merges everyone’s shifts for a week column', () => {
    expect(shiftsOn(hours, [tom, marco], '2026-01-15')).toEqual([{ start: 480, end: 1140 }])
  })

  it('shades the gaps between shifts inside the visible hours', () => {
    expect(gapsIn({ start: 420, end: 1140 }, shiftsOn(hours, [tom], '2026-01-15'))).toEqual([
      { start: 420, end: 480 },
      { start: 720, end: 780 },
      { start: 1020, end: 1140 },
    ])
    expect(gapsIn({ start: 420, end: 1140 }, [])).toEqual([{ start: 420, end: 1140 }])
    expect(
      mergeSpans([
        { start: 5, end: 10 },
        { start: 0, end: 5 },
      ]),
    ).toEqual([{ start: 0, end: 10 }])
  })

  it('clips time off to the day in the business zone', () => {
    const off = [
      {
        staff_member_id: tom,
        starts_at: '2026-01-15T18:00:00Z',
        ends_at: '2026-01-16T18:00:00Z',
        reason: 'Dentist',
      },
      {
        staff_member_id: marco,
        starts_at: '2026-01-15T14:00:00Z',
        ends_at: '2026-01-15T16:00:00Z',
        reason: null,
      },
    ]
    expect(timeOffOn(off, tom, '2026-01-15', 'America/Chicago')).toEqual([
      { start: 720, end: 1440, reason: 'Dentist' },
    ])
    expect(timeOffOn(off, tom, '2026-01-16', 'America/Chicago')).toEqual([
      { start: 0, end: 720, reason: 'Dentist' },
    ])
  })
})

describe('conflict wording', () => {
  it('labels every kind and lists the worst first', () => {
    expect(conflictKindLabel.overlap).toBe('Double-booked')
    const sorted = sortConflicts([
      { kind: 'outside_hours', message: 'Outside Tom Becker’s working hours' },
      { kind: 'overlap', message: 'Overlaps Rug (9:00 AM–10:00 AM)' },
    ])
    expect(sorted.map((c) => c.kind)).toEqual(['overlap', 'outside_hours'])
    expect(conflictQuestion(sorted)).toBe('This time has 2 conflicts. Save anyway?')
  })
})
