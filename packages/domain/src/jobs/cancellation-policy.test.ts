import { describe, expect, it } from 'vitest'
import { checkCancellation } from './cancellation-policy.ts'

const now = new Date('2026-05-01T12:00:00Z')
const policy = { cancellation_notice_hours: 24, customers_may_cancel: true }

describe('checkCancellation', () => {
  it('allows cancelling outside the notice period', () => {
    expect(
      checkCancellation({ status: 'scheduled', scheduled_start: '2026-05-03T12:00:00Z' }, policy, now),
    ).toEqual({ allowed: true })
  })

  it('refuses inside the notice period and says why', () => {
    const result = checkCancellation(
      { status: 'confirmed', scheduled_start: '2026-05-02T06:00:00Z' },
      policy,
      now,
    )
    expect(result).toEqual({ allowed: false, reason: expect.stringContaining('24 hours') })
  })

  it('refuses once the visit is under way or over', () => {
    for (const status of ['en_route', 'in_progress', 'completed', 'cancelled'] as const) {
      expect(
        checkCancellation({ status, scheduled_start: '2026-06-01T12:00:00Z' }, policy, now).allowed,
      ).toBe(false)
    }
  })

  it('refuses when the business takes cancellations only by phone or message', () => {
    const result = checkCancellation(
      { status: 'scheduled', scheduled_start: '2026-06-01T12:00:00Z' },
      { ...policy, customers_may_cancel: false },
      now,
    )
    expect(result).toEqual({ allowed: false, reason: 'To cancel, please call or message us.' })
  })
})
