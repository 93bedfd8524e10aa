import { describe, expect, it } from 'vitest'
import {
  bookButtonLabel,
  bookedNotice,
  bookingUnavailableReason,
  checkReschedule,
  dayChipParts,
  earlierSlotPage,
  firstDayWithSlots,
  formatDuration,
  groupSlotsByDay,
  hasLaterSlotPage,
  movedNotice,
  nextSlotsAfter,
  rescheduleMode,
  slotAccessibleName,
  slotPageRange,
  slotSummary,
  slotTimeLabel,
} from './index.ts'

const tz = 'America/Chicago'
const slot = (startsAt: string, minutes = 120) => ({
  starts_at: startsAt,
  ends_at: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(),
  technicians: 1,
})

describe('groupSlotsByDay', () => {
  it('puts each slot on its day in the business’s zone, in time order, and keeps empty days', () => {
    const slots = [
      slot('2026-03-03T15:00:00Z'), // Tue 9:00 AM CST
      slot('2026-03-03T14:00:00Z'), // Tue 8:00 AM
      slot('2026-03-04T03:30:00Z'), // still Tue in Chicago (9:30 PM), Wed in UTC
      slot('2026-03-05T14:00:00Z'), // Thu
    ]
    const days = groupSlotsByDay(slots, tz, '2026-03-02', 4)
    expect(days.map((d) => [d.day, d.label, d.slots.length])).toEqual([
      ['2026-03-02', 'Mon, Mar 2', 0],
      ['2026-03-03', 'Tue, Mar 3', 3],
      ['2026-03-04', 'Wed, Mar 4', 0],
      ['2026-03-05', 'Thu, Mar 5', 1],
    ])
    expect(days[1]?.slots.map((s) => slotTimeLabel(s, tz))).toEqual([
      '8:00 AM',
      '9:00 AM',
      '9:30 PM',
    ])
    expect(firstDayWithSlots(days)).toBe('2026-03-03')
  })

  it('drops slots outside the page and shows 14 days by default', () => {
    const days = groupSlotsByDay([slot('2026-04-01T14:00:00Z')], tz, '2026-03-02')
    expect(days).toHaveLength(14)
    expect(days.every((d) => d.slots.length === 0)).toBe(true)
    expect(firstDayWithSlots(days)).toBeNull()
  })

  it('keeps local days right across the spring-forward change (Mar 8, 2026)', () => {
    // 8:00 AM CST on Mar 7 is 14:00Z; 8:00 AM CDT on Mar 8 and 9 is 13:00Z.
    const days = groupSlotsByDay(
      [slot('2026-03-07T14:00:00Z'), slot('2026-03-08T13:00:00Z'), slot('2026-03-09T13:00:00Z')],
      tz,
      '2026-03-07',
      3,
    )
    expect(days.map((d) => d.slots.map((s) => slotTimeLabel(s, tz)))).toEqual([
      ['8:00 AM'],
      ['8:00 AM'],
      ['8:00 AM'],
    ])
  })
})

describe('slot wording', () => {
  it('names a slot with its day and time, and sums it up with its end', () => {
    const s = slot('2026-12-08T15:00:00Z')
    expect(slotAccessibleName(s, tz)).toBe('Tue, Dec 8 at 9:00 AM')
    expect(slotSummary(s, tz)).toBe('Tue, Dec 8, 9:00 AM–11:00 AM')
    expect(slotPageRange('2026-12-28')).toBe('Dec 28 – Jan 10')
    expect(dayChipParts('2026-12-08')).toEqual({ weekday: 'Tue', day: '8', month: 'Dec' })
  })

  it('offers the next free times after a taken one, or the earliest when none is later', () => {
    const slots = [
      slot('2026-12-08T17:00:00Z'),
      slot('2026-12-08T14:00:00Z'),
      slot('2026-12-08T16:00:00Z'),
    ]
    expect(nextSlotsAfter(slots, '2026-12-08T15:00:00Z').map((s) => s.starts_at)).toEqual([
      '2026-12-08T16:00:00Z',
      '2026-12-08T17:00:00Z',
    ])
    expect(nextSlotsAfter(slots, '2026-12-09T15:00:00Z', 2).map((s) => s.starts_at)).toEqual([
      '2026-12-08T14:00:00Z',
      '2026-12-08T16:00:00Z',
    ])
    expect(nextSlotsAfter([], '2026-12-09T15:00:00Z')).toEqual([])
  })

  it('pages only as far as the booking horizon, and never back before today', () => {
    expect(earlierSlotPage('2026-12-29', '2026-12-01')).toBe('2026-12-15')
    expect(earlierSlotPage('2026-12-10', '2026-12-01')).toBe('2026-12-01')
    expect(hasLaterSlotPage('2026-12-01', '2026-12-01', 60)).toBe(true)
    expect(hasLaterSlotPage('2026-12-15', '2026-12-01', 28)).toBe(true)
    expect(hasLaterSlotPage('2026-12-15', '2026-12-01', 27)).toBe(false)
  })
})

describe('booking wording', () => {
  it('asks or books depending on instant booking, and says what happened', () => {
    expect(bookButtonLabel({ instant_booking: false })).toBe('Request booking')
    expect(bookButtonLabel({ instant_booking: true })).toBe('Book')
    expect(bookedNotice('requested').title).toBe('Requested — we’ll confirm shortly')
    expect(bookedNotice('scheduled').title).toBe('Booked')
    expect(movedNotice('requested', 'Tue, Dec 8, 9:00 AM')).toBe(
      'Moved to Tue, Dec 8, 9:00 AM — we’ll confirm shortly.',
    )
    expect(movedNotice('scheduled', 'Tue, Dec 8, 9:00 AM')).toBe('Moved to Tue, Dec 8, 9:00 AM.')
  })

  it('explains why booking online is not possible', () => {
    expect(bookingUnavailableReason({ online_booking: false }, 3, 'Dirt Free')).toContain(
      'does not take bookings online',
    )
    expect(bookingUnavailableReason({ online_booking: true }, 0, 'Dirt Free')).toContain(
      'no services to book online',
    )
    expect(bookingUnavailableReason({ online_booking: true }, 1, 'Dirt Free')).toBeNull()
  })

  it('formats durations', () => {
    expect(formatDuration(45)).toBe('45 min')
    expect(formatDuration(120)).toBe('2 hr')
    expect(formatDuration(90)).toBe('1 hr 30 min')
  })
})

describe('checkReschedule', () => {
  const now = new Date('2026-05-01T12:00:00Z')
  const policy = { cancellation_notice_hours: 24, customers_may_reschedule: true }

  it('allows moving an open appointment outside the notice period', () => {
    expect(
      checkReschedule(
        { status: 'requested', scheduled_start: '2026-05-03T12:00:00Z' },
        policy,
        now,
      ),
    ).toEqual({
      allowed: true,
    })
  })

  it('refuses inside the notice period, once started, when off, and after the visit', () => {
    expect(
      checkReschedule(
        { status: 'scheduled', scheduled_start: '2026-05-02T06:00:00Z' },
        policy,
        now,
      ),
    ).toEqual({
      allowed: false,
      reason: expect.stringContaining('24 hours'),
    })
    expect(
      checkReschedule(
        { status: 'confirmed', scheduled_start: '2026-05-01T11:00:00Z' },
        policy,
        now,
      ),
    ).toEqual({
      allowed: false,
      reason: expect.stringContaining('already started'),
    })
    expect(
      checkReschedule(
        { status: 'scheduled', scheduled_start: '2026-05-09T12:00:00Z' },
        { ...policy, customers_may_reschedule: false },
        now,
      ).allowed,
    ).toBe(false)
    expect(
      checkReschedule({ status: 'en_route', scheduled_start: '2026-05-09T12:00:00Z' }, policy, now)
        .allowed,
    ).toBe(false)
  })

  it('picks a slot only for a service booked online', () => {
    const service = { active: true, bookable_online: true }
    expect(rescheduleMode({ service_id: 's' }, { online_booking: true }, service)).toBe('slots')
    expect(rescheduleMode({ service_id: null }, { online_booking: true }, null)).toBe('request')
    expect(rescheduleMode({ service_id: 's' }, { online_booking: false }, service)).toBe('request')
    expect(
      rescheduleMode(
        { service_id: 's' },
        { online_booking: true },
        { ...service, bookable_online: false },
      ),
    ).toBe('request')
    expect(rescheduleMode({ service_id: 's' }, { online_booking: true }, null)).toBe('request')
  })
})
