import { totalsOf } from '@repo/domain/money'
import { describe, expect, it } from 'vitest'
import { blankLine, isBlankLine, lineFromSaved, lineFromService, lineInput, pricedLines, quoteLineInput, rateWhenTaxed } from './line-draft.ts'

const rates = [
  { id: 'r1', name: 'Sales tax', rate_bps: 825, is_default: true },
  { id: 'r2', name: 'County', rate_bps: 250, is_default: false },
]
const carpet = { id: 's1', name: 'Carpet cleaning', base_price_cents: 14_900, unit: 'visit', taxable: true }

describe('line drafts', () => {
  it('take a catalog service’s name and price, taxed at the default rate when it is taxable', () => {
    const line = lineFromService(carpet, rates)
    expect(line).toMatchObject({ serviceId: 's1', description: 'Carpet cleaning', unitPrice: '149.00', taxable: true, taxRateBps: 825 })
    expect(lineFromService({ ...carpet, taxable: false }, rates)).toMatchObject({ taxable: false, taxRateBps: 0 })
    // Without a default rate, staff pick one: the line starts untaxed.
    expect(lineFromService(carpet, [{ ...rates[1], is_default: false } as (typeof rates)[number]])).toMatchObject({ taxable: false })
    expect(isBlankLine(blankLine())).toBe(true)
    expect(isBlankLine(line)).toBe(false)
  })

  it('total only when every line is a valid amount, by the database’s rule', () => {
    const lines = [lineFromService(carpet, rates), { ...blankLine(), description: 'Stairs', quantity: '2', unitPrice: '12.5' }]
    expect(totalsOf(pricedLines(lines) ?? [])).toEqual({ subtotalCents: 17_400, taxCents: 1229, totalCents: 18_629 })
    expect(pricedLines([{ ...lines[1], unitPrice: '12.345' }] as never)).toBeNull()
    expect(pricedLines([{ ...lines[1], quantity: '0' }] as never)).toBeNull()
  })

  it('send bad text as NaN for the action to name, and drop the rate of an untaxed line', () => {
    const line = { ...blankLine(), description: 'X', quantity: '', unitPrice: 'abc', taxRateBps: 825 }
    const input = lineInput(line)
    expect(Number.isNaN(input.quantity) && Number.isNaN(input.unitPriceCents)).toBe(true)
    expect(input.taxRateBps).toBe(0)
  })

  it('make a quote line either an option or optional, never both', () => {
    expect(quoteLineInput({ ...blankLine(), optionGroup: ' Package ', optional: true })).toMatchObject({ optionGroup: 'Package', optional: false })
    expect(quoteLineInput({ ...blankLine(), optionGroup: '  ', optional: true })).toMatchObject({ optionGroup: null, optional: true })
  })

  it('round-trip a saved line and pick a rate when staff tick taxable', () => {
    const saved = lineFromSaved({ service_id: null, description: 'Hall', quantity: 2, unit_price_cents: 5000, taxable: false, tax_rate_bps: 0, option_group: 'A', optional: false })
    expect(saved).toMatchObject({ quantity: '2', unitPrice: '50.00', optionGroup: 'A' })
    expect(rateWhenTaxed(saved, rates)).toBe(825)
    expect(rateWhenTaxed({ ...saved, taxRateBps: 250 }, rates)).toBe(250)
  })
})
