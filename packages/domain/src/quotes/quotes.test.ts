import type { PaymentRow, QuoteRow } from '@repo/database/types'
import { describe, expect, it } from 'vitest'
import { describePaymentChange } from '../payments/payment-notices.ts'
import { describeQuoteChange } from './quote-notices.ts'
import {
  choiceTotals,
  depositFor,
  initialChoice,
  missingGroups,
  type QuoteLineChoice,
  toggleChoice,
} from './quote-options.ts'

const line = (id: string, cents: number, extra: Partial<QuoteLineChoice> = {}): QuoteLineChoice => ({
  id,
  quantity: 1,
  unitPriceCents: cents,
  taxable: true,
  taxRateBps: 825,
  option_group: null,
  optional: false,
  selected: true,
  ...extra,
})

const lines = [
  line('fixed', 5000),
  line('good', 14900, { option_group: 'Package', selected: true }),
  line('better', 22900, { option_group: 'Package', selected: false }),
  line('pet', 7900, { optional: true, selected: false }),
]

describe('quote options', () => {
  it('starts from the business pre-selection and keeps one choice per group', () => {
    const start = initialChoice(lines)
    expect(start).toEqual(['good'])
    const better = toggleChoice(lines, start, 'better')
    expect(better).toEqual(['better'])
    expect(toggleChoice(lines, better, 'pet')).toEqual(['better', 'pet'])
    expect(toggleChoice(lines, ['better', 'pet'], 'pet')).toEqual(['better'])
    expect(toggleChoice(lines, ['better'], 'fixed')).toEqual(['better'])
  })

  it('totals the fixed and chosen lines by the tax rule', () => {
    expect(choiceTotals(lines, ['good'])).toEqual({ subtotalCents: 19900, taxCents: 1642, totalCents: 21542 })
    expect(choiceTotals(lines, ['better', 'pet']).subtotalCents).toBe(5000 + 22900 + 7900)
    expect(missingGroups(lines, [])).toEqual(['Package'])
    expect(missingGroups(lines, ['better'])).toEqual([])
  })

  it('computes deposits as the database does', () => {
    expect(depositFor(21542, { deposit_percent: 20, deposit_amount_cents: null })).toBe(4308)
    expect(depositFor(21542, { deposit_percent: null, deposit_amount_cents: 50000 })).toBe(21542)
    expect(depositFor(21542, { deposit_percent: null, deposit_amount_cents: null })).toBe(0)
  })
})

describe('quote and payment toasts', () => {
  const quote = { id: 'q', number: 'Q-1001', title: 'Refresh', status: 'sent', total_cents: 21542, version: 1 } as QuoteRow

  it('announce a quote when it is sent, a new version and expiry, never a draft', () => {
    expect(describeQuoteChange('INSERT', { ...quote, status: 'draft' }, null)).toBeNull()
    expect(describeQuoteChange('UPDATE', quote, { id: 'q' })?.title).toBe('New quote')
    expect(describeQuoteChange('UPDATE', { ...quote, version: 2 }, { ...quote })?.title).toBe('Quote updated')
    expect(describeQuoteChange('UPDATE', { ...quote, status: 'expired' }, quote)?.title).toBe('Quote expired')
    expect(describeQuoteChange('UPDATE', { ...quote, status: 'approved' }, quote)).toBeNull()
  })

  it('tell of money received, refused and returned once', () => {
    const payment = { id: 'p', status: 'pending', amount_cents: 5000, tip_cents: 500, invoice_id: 'i', quote_id: null } as PaymentRow
    expect(describePaymentChange('INSERT', payment, null)).toBeNull()
    const paid = { ...payment, status: 'succeeded' as const }
    expect(describePaymentChange('UPDATE', paid, payment)?.description).toBe('$55.00 received. Thank you!')
    expect(describePaymentChange('UPDATE', paid, paid)).toBeNull()
    const failed = { ...payment, status: 'failed' as const, failure_message: 'Your card was declined.' }
    expect(describePaymentChange('UPDATE', failed, payment)?.description).toBe('Your card was declined.')
    expect(describePaymentChange('UPDATE', { ...paid, status: 'refunded' }, paid)?.title).toBe('Payment refunded')
  })
})
