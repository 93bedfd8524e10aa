import type { QuoteRow } from '@repo/database/types'
import { describe, expect, it } from 'vitest'
import {
  depositRuleText,
  quoteDraftTotals,
  quoteEditWarning,
  quoteLineSections,
  quoteStaffActions,
  quoteTimeline,
  quoteToast,
} from './quote-staff.ts'

const quote = (over: Partial<QuoteRow> = {}) =>
  ({
    status: 'draft',
    job_id: null,
    invoice_id: null,
    created_at: '2026-12-01T15:00:00Z',
    sent_at: null,
    viewed_at: null,
    approved_at: null,
    declined_at: null,
    decline_reason: null,
    valid_until: null,
    ...over,
  }) as QuoteRow

describe('staff actions on a quote', () => {
  it('follow its state', () => {
    expect(quoteStaffActions(quote())).toEqual(['edit', 'send', 'delete'])
    expect(quoteStaffActions(quote({ status: 'sent' }))).toEqual(['edit'])
    expect(quoteStaffActions(quote({ status: 'viewed' }))).toEqual(['edit'])
    expect(quoteStaffActions(quote({ status: 'approved' }))).toEqual(['convert_to_job', 'create_invoice'])
    expect(quoteStaffActions(quote({ status: 'approved', job_id: 'j', invoice_id: 'i' }))).toEqual([])
    expect(quoteStaffActions(quote({ status: 'declined' }))).toEqual([])
    expect(quoteStaffActions(quote({ status: 'expired' }))).toEqual([])
  })

  it('warn before a quote the customer has is changed, not a draft', () => {
    expect(quoteEditWarning('draft')).toBeNull()
    expect(quoteEditWarning('sent')).toMatch(/new version/)
    expect(quoteEditWarning('viewed')).toMatch(/approve again/)
    expect(quoteEditWarning('approved')).toBeNull()
  })

  it('are worded once for the toasts', () => {
    expect(quoteToast.created({ number: 'Q-1003', status: 'draft' })).toBe('Quote Q-1003 saved as a draft')
    expect(quoteToast.created({ number: 'Q-1003', status: 'sent' })).toBe('Quote Q-1003 sent')
    expect(quoteToast.updated({ number: 'Q-1003', status: 'viewed', version: 2 })).toBe('Quote Q-1003 saved as version 2')
  })
})

describe('quote timeline', () => {
  it('lists what happened, with the reason for a decline', () => {
    const declined = quoteTimeline(
      quote({ status: 'declined', sent_at: '2026-12-01T16:00:00Z', viewed_at: '2026-12-02T16:00:00Z', declined_at: '2026-12-03T16:00:00Z', decline_reason: 'Too dear' }),
    )
    expect(declined.map((e) => e.event)).toEqual(['created', 'sent', 'viewed', 'declined'])
    expect(declined.at(-1)?.detail).toBe('Too dear')
    const expired = quoteTimeline(quote({ status: 'expired', sent_at: '2026-12-01T16:00:00Z', valid_until: '2026-12-31' }))
    expect(expired.at(-1)).toEqual({ event: 'expired', label: 'Expired', at: null, detail: 'Valid until Dec 31, 2026' })
  })
})

describe('quote lines and totals', () => {
  const line = (unitPriceCents: number, optionGroup: string | null = null, optional = false) => ({
    quantity: 1,
    unitPriceCents,
    taxable: true,
    taxRateBps: 825,
    optionGroup,
    optional,
  })

  it('preview what the database stores: included lines, the first option of each group, no optional line', () => {
    // 50.00 + 149.00 = 199.00, tax 16.4175 -> 16.42.
    expect(quoteDraftTotals([line(5000), line(14900, 'Package'), line(22900, ' Package '), line(7900, null, true)])).toEqual({
      subtotalCents: 19900,
      taxCents: 1642,
      totalCents: 21542,
    })
    // A line in a group is an option even when ticked optional; a blank group is no group.
    expect(quoteDraftTotals([line(100, 'A', true), line(200, 'A'), line(300, '  ')]).subtotalCents).toBe(400)
  })

  it('group lines as the customer chooses among them', () => {
    const lines = [
      { id: 'good', option_group: 'Package', optional: false },
      { id: 'fixed', option_group: null, optional: false },
      { id: 'pet', option_group: null, optional: true },
      { id: 'better', option_group: 'Package', optional: false },
    ]
    expect(quoteLineSections(lines).map((s) => [s.kind, s.lines.map((l) => l.id)])).toEqual([
      ['included', ['fixed']],
      ['options', ['good', 'better']],
      ['optional', ['pet']],
    ])
  })

  it('say the deposit rule in words', () => {
    expect(depositRuleText({ deposit_percent: 20, deposit_amount_cents: null })).toBe('20% of the total')
    expect(depositRuleText({ deposit_percent: null, deposit_amount_cents: 10000 })).toBe('$100.00')
    expect(depositRuleText({ deposit_percent: null, deposit_amount_cents: null })).toBeNull()
  })
})
