import { describe, expect, it } from 'vitest'
import {
  axisHeight,
  axisHourMarks,
  droppedStart,
  formatHourMark,
  minuteToOffset,
  offsetToMinute,
  resizedDuration,
  snapMinutes,
  type TimeAxis,
  visibleHours,
} from './time-axis.ts'

const axis: TimeAxis = { start: 7 * 60, end: 19 * 60, hourHeight: 64 }

describe('visibleHours', () => {
  it('shows 7 AM to 7 PM when everything fits', () => {
    expect(visibleHours([{ start: 9 * 60, end: 11 * 60 }])).toEqual({ start: 420, end: 1140 })
  })

  it('widens to whole hours for a job outside the day, and never past midnight', () => {
    expect(
      visibleHours([
        { start: 3 * 60 + 30, end: 5 * 60 },
        { start: 19 * 60, end: 20 * 60 + 15 },
      ]),
    ).toEqual({
      start: 180,
      end: 21 * 60,
    })
    expect(visibleHours([{ start: 0, end: 1440 }])).toEqual({ start: 0, end: 1440 })
  })
})

describe('pixels and minutes', () => {
  it('turns minutes into offsets and back', () => {
    expect(minuteToOffset(9 * 60, axis)).toBe(128)
    expect(offsetToMinute(128, axis)).toBe(540)
    expect(offsetToMinute(minuteToOffset(613, axis), axis)).toBeCloseTo(613)
    expect(axisHeight(axis)).toBe(12 * 64)
  })

  it('snaps to quarter hours', () => {
    expect(snapMinutes(547)).toBe(540)
    expect(snapMinutes(548)).toBe(555)
    expect(snapMinutes(-7)).toBe(0)
  })

  it('keeps a dropped job inside its day', () => {
    expect(droppedStart(601, 60)).toBe(600)
    expect(droppedStart(-40, 60)).toBe(0)
    expect(droppedStart(1430, 120)).toBe(1320)
  })

  it('resizes in quarter hours, at least one, never past midnight', () => {
    expect(resizedDuration(600, 97)).toBe(90)
    expect(resizedDuration(600, 3)).toBe(15)
    expect(resizedDuration(22 * 60, 300)).toBe(120)
  })
})

describe('hour marks', () => {
  it('labels every whole hour on the axis', () => {
    expect(axisHourMarks({ start: 420, end: 600 }).map(formatHourMark)).toEqual([
      '7 AM',
      '8 AM',
      '9 AM',
      '10 AM',
    ])
    expect([0, 720, 780, 1440].map(formatHourMark)).toEqual(['12 AM', '12 PM', '1 PM', '12 AM'])
  })
})
