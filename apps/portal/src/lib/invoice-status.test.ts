import { describe, expect, it } from 'vitest'
import { amountDue, isOpen } from './invoice-status.ts'

describe('invoice totals', () => {
  it('sums only sent and overdue invoices', () => {
    expect(
      amountDue([
        { status: 'sent', total_cents: 10_000 },
        { status: 'overdue', total_cents: 2_550 },
        { status: 'paid', total_cents: 99_999 },
        { status: 'void', total_cents: 1 },
        { status: 'draft', total_cents: 5 },
      ]),
    ).toBe(12_550)
    expect(isOpen('paid')).toBe(false)
  })
})
