import type { QuoteRow } from '@repo/database/types'
import { describe, expect, it } from 'vitest'
import { formatDayKeyDate } from '../dates/day-keys.ts'
import {
  approvalAgreement,
  awaitingAnswerCount,
  choiceProblem,
  keepChoice,
  depositDueCents,
  quoteDateLine,
  shownQuoteStatus,
  toLineChoice,
} from './quote-answer.ts'

const zone = 'America/Chicago'
// 03:00 UTC on Dec 10 is still Dec 9 in Chicago.
const now = new Date('2026-12-10T03:00:00Z')

describe('what a customer reads on a quote', () => {
  it('shows an open quote past its valid-until day (in the business zone) as expired', () => {
    expect(shownQuoteStatus({ status: 'sent', valid_until: '2026-12-09' }, zone, now)).toBe('sent')
    expect(shownQuoteStatus({ status: 'viewed', valid_until: '2026-12-08' }, zone, now)).toBe('expired')
    expect(shownQuoteStatus({ status: 'approved', valid_until: '2026-12-01' }, zone, now)).toBe('approved')
    expect(shownQuoteStatus({ status: 'sent', valid_until: null }, zone, now)).toBe('sent')
  })

  it('writes calendar days without shifting them by a zone', () => {
    expect(formatDayKeyDate('2027-01-03')).toBe('Jan 3, 2027')
    const quote = { valid_until: '2027-01-03', sent_at: null, approved_at: '2026-12-10T03:00:00Z', declined_at: null }
    expect(quoteDateLine(quote, 'viewed', zone)).toBe('Valid until Jan 3, 2027')
    expect(quoteDateLine(quote, 'approved', zone)).toBe('Approved Dec 9, 2026')
    expect(quoteDateLine(quote, 'expired', zone)).toBe('Expired after Jan 3, 2027')
    expect(quoteDateLine({ ...quote, valid_until: null, sent_at: '2026-12-01T18:00:00Z' }, 'sent', zone)).toBe('Sent Dec 1, 2026')
  })

  it('asks for the deposit only once approved and until it is paid', () => {
    const quote = { status: 'approved', deposit_cents: 6668, deposit_paid_cents: 0 } as const
    expect(depositDueCents(quote)).toBe(6668)
    expect(depositDueCents({ ...quote, deposit_paid_cents: 6668 })).toBe(0)
    expect(depositDueCents({ ...quote, status: 'viewed' })).toBe(0)
  })

  it('names the quote, version and total in the sentence signed', () => {
    expect(approvalAgreement({ number: 'Q-1001', version: 2 } as QuoteRow, 33341, 'USD')).toBe(
      'By signing you approve quote Q-1001, version 2, for $333.41.',
    )
    expect(awaitingAnswerCount(1)).toBe('1 quote awaiting your answer')
    expect(awaitingAnswerCount(3)).toBe('3 quotes awaiting your answer')
  })

  it('reads stored lines as choices', () => {
    const line = { id: 'l', quantity: 2, unit_price_cents: 500, taxable: true, tax_rate_bps: 825, option_group: 'Package', optional: false, selected: true }
    expect(toLineChoice(line)).toStrictEqual({
      id: 'l',
      quantity: 2,
      unitPriceCents: 500,
      taxable: true,
      taxRateBps: 825,
      option_group: 'Package',
      optional: false,
      selected: true,
    })
  })

  it('checks the choices as approve_quote does', () => {
    const line = (id: string, option_group: string | null, optional = false) =>
      toLineChoice({ id, quantity: 1, unit_price_cents: 100, taxable: false, tax_rate_bps: 0, option_group, optional, selected: false })
    const lines = [line('fixed', null), line('good', 'Package'), line('better', 'Package'), line('pet', null, true)]
    expect(choiceProblem(lines, ['better', 'pet'])).toBeNull()
    expect(choiceProblem(lines, ['pet'])).toBe('Choose one option for “Package”.')
    expect(choiceProblem(lines, ['good', 'better'])).toBe('Choose one option for “Package”.')
    expect(choiceProblem(lines, ['good', 'fixed'])).toBe('A chosen line is not part of this quote.')
    expect(choiceProblem(lines, ['good', 'elsewhere'])).toBe('A chosen line is not part of this quote.')
  })

  it('carries the choices over to a new version where the lines are still there', () => {
    const line = (id: string, option_group: string | null, selected: boolean, optional = false) =>
      toLineChoice({ id, quantity: 1, unit_price_cents: 100, taxable: false, tax_rate_bps: 0, option_group, optional, selected })
    const lines = [line('good', 'Package', true), line('better', 'Package', false), line('pet', null, false, true)]
    expect(keepChoice(lines, ['better', 'pet'])).toEqual(['better', 'pet'])
    // The chosen option was removed: the group falls back to the pre-selection; gone lines drop out.
    expect(keepChoice(lines, ['best', 'gone'])).toEqual(['good'])
  })
})
