import { describe, expect, it } from 'vitest'
import { paymentRecordedMessage, visitTotals } from './visit-lines.ts'

describe('visitTotals', () => {
  it('adds the job’s price and the extra lines, taxing by rate once', () => {
    const totals = visitTotals({ priceCents: 7900, taxable: true, taxRateBps: 825 }, [
      { quantity: 2, unit_price_cents: 2500, taxable: true, tax_rate_bps: 825 },
      { quantity: 1, unit_price_cents: 6000, taxable: true, tax_rate_bps: 825 },
    ])
    // 79.00 + 2 × 25.00 + 60.00 at 8.25 % (docs/MONEY.md): 15.59 of tax.
    expect(totals).toEqual({ subtotalCents: 18900, taxCents: 1559, totalCents: 20459 })
  })

  it('leaves out a job without a price', () => {
    expect(visitTotals({ priceCents: 0, taxable: false, taxRateBps: 0 }, []).totalCents).toBe(0)
  })
})

describe('paymentRecordedMessage', () => {
  it('names the method', () => {
    expect(paymentRecordedMessage('cash', '$249.00')).toBe('$249.00 in cash recorded')
    expect(paymentRecordedMessage('check', '$50.00')).toBe('Check for $50.00 recorded')
  })
})
