import { describe, expect, it } from 'vitest'
import { describeOthersChanges, retryDelayMs, waitingToSendLabel } from './offline.ts'

describe('field work offline wording and timing', () => {
  it('backs off from 1 s, doubling, to at most a minute', () => {
    expect([0, 1, 2, 3, 5, 6, 20].map(retryDelayMs)).toEqual([
      1_000, 2_000, 4_000, 8_000, 32_000, 60_000, 60_000,
    ])
  })

  it('counts waiting changes in words', () => {
    expect(waitingToSendLabel(1)).toBe('1 change waiting to send')
    expect(waitingToSendLabel(3)).toBe('3 changes waiting to send')
  })

  it('says what the office changed, in the organization’s time zone and currency', () => {
    const lines = describeOthersChanges(
      [
        {
          at: '2026-12-03T15:14:00+00:00',
          by: 'Olivia Office',
          changes: {
            title: { old: 'Carpet cleaning', new: 'Carpet cleaning, upstairs only' },
            price_cents: { old: 14_900, new: 9_900 },
            status: { old: 'in_progress', new: 'cancelled' },
          },
        },
      ],
      'America/Chicago',
    )
    expect(lines).toEqual([
      {
        who: expect.stringMatching(/^Olivia Office at .*9:14/),
        fields: [
          'Title: Carpet cleaning → Carpet cleaning, upstairs only',
          'Price: $149.00 → $99.00',
          'Status: In progress → Cancelled',
        ],
      },
    ])
  })
})
