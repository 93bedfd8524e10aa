import { parseInput } from '@repo/actions/server'
import { describe, expect, it } from 'vitest'
import { newServiceSchema, newTaxRateSchema, taxRateChangeSchema } from '../business/schema.ts'
import { quoteCreateSchema, quoteUpdateSchema } from './schema.ts'

const id = '6f1c1e7e-2a55-4b7a-9a4e-1f7f3d2c9b10'
const line = (extra: object = {}) => ({
  serviceId: null,
  description: 'Carpet cleaning',
  quantity: 1,
  unitPriceCents: 14_900,
  taxable: true,
  taxRateBps: 825,
  optionGroup: null,
  optional: false,
  ...extra,
})
const quote = {
  quoteId: id,
  customerId: id,
  send: false,
  title: ' Whole-home refresh ',
  validUntil: '2027-01-31',
  depositKind: 'none',
  depositPercent: null,
  depositAmountCents: null,
  notes: '',
  terms: '  ',
  lines: [line({ optionGroup: 'Package' }), line({ optionGroup: ' Package ', unitPriceCents: 22_900 }), line({ optional: true })],
}

const errors = (result: ReturnType<typeof parseInput>) => (result.ok ? {} : result.fieldErrors)

describe('quote schema', () => {
  it('trims, turns empty text into null and keeps options and optional lines', () => {
    const r = parseInput(quoteCreateSchema, quote)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.data.title).toBe('Whole-home refresh')
    expect([r.data.notes, r.data.terms]).toEqual([null, null])
    expect(r.data.lines.map((l) => [l.optionGroup, l.optional])).toEqual([
      ['Package', false],
      ['Package', false],
      [null, true],
    ])
    expect([r.data.depositPercent, r.data.depositAmountCents]).toEqual([null, null])
  })

  it('keeps only the chosen deposit rule, and asks for its value', () => {
    const percent = parseInput(quoteCreateSchema, { ...quote, depositKind: 'percent', depositPercent: 20, depositAmountCents: 5000 })
    expect(percent.ok && [percent.data.depositPercent, percent.data.depositAmountCents]).toEqual([20, null])
    const amount = parseInput(quoteCreateSchema, { ...quote, depositKind: 'amount', depositPercent: 20, depositAmountCents: 5000 })
    expect(amount.ok && [amount.data.depositPercent, amount.data.depositAmountCents]).toEqual([null, 5000])
    expect(errors(parseInput(quoteCreateSchema, { ...quote, depositKind: 'percent' })).depositPercent).toEqual([
      'Enter a percent from 1 to 100',
    ])
    expect(errors(parseInput(quoteCreateSchema, { ...quote, depositKind: 'percent', depositPercent: 120 })).depositPercent).toEqual([
      'At most 100%',
    ])
    expect(errors(parseInput(quoteCreateSchema, { ...quote, depositKind: 'amount', depositAmountCents: Number.NaN })).depositAmountCents).toEqual([
      'Enter an amount, e.g. 100.00',
    ])
  })

  it('points at the bad field of the bad line', () => {
    const r = parseInput(quoteCreateSchema, {
      ...quote,
      title: '',
      validUntil: '2027-02-30',
      lines: [line({ description: ' ', unitPriceCents: Number.NaN, quantity: 0 }), line({ optionGroup: 'A', optional: true })],
    })
    expect(errors(r)).toMatchObject({
      title: ['Give the quote a title'],
      validUntil: ['Enter a valid date'],
      'lines.0.description': ['Describe the line item'],
      'lines.0.quantity': ['Quantity must be at least 1'],
      'lines.0.unitPriceCents': ['Unit price must be a number'],
      'lines.1.optional': ['A line in an option group is already a choice; it cannot also be optional'],
    })
    expect(errors(parseInput(quoteCreateSchema, { ...quote, lines: [] })).lines).toEqual(['Add at least one line'])
  })

  it('wants two lines or more in an option group, and a real customer and id', () => {
    const lonely = parseInput(quoteCreateSchema, { ...quote, lines: [line({ optionGroup: 'Package' }), line()] })
    expect(errors(lonely)['lines.0.optionGroup']).toEqual(['An option group needs at least two lines to choose from'])
    const ids = parseInput(quoteCreateSchema, { ...quote, quoteId: 'new', customerId: '' })
    expect(errors(ids)).toMatchObject({ quoteId: ['Quote is not a valid id'], customerId: ['Choose a customer'] })
    expect(errors(parseInput(quoteCreateSchema, { ...quote, customerId: 'alice' })).customerId).toEqual(['Customer is not a valid id'])
  })

  it('changes carry the version staff edited', () => {
    const { customerId: _customer, ...fields } = quote
    expect(parseInput(quoteUpdateSchema, { ...fields, version: 2, updatedAt: '2026-12-02T10:00:00+00:00' }).ok).toBe(true)
    expect(errors(parseInput(quoteUpdateSchema, fields)).version).toBeDefined()
  })
})

describe('catalog and tax schemas', () => {
  it('reads a percent as people type it into basis points', () => {
    const r = parseInput(newTaxRateSchema, { name: ' Sales tax ', rateBps: '8.25', isDefault: 'on' })
    expect(r.ok && r.data).toEqual({ name: 'Sales tax', rateBps: 825, isDefault: true })
    expect(parseInput(newTaxRateSchema, { name: 'Zero', rateBps: '0' }).ok).toBe(true)
    for (const bad of ['abc', '8.255', '101', '-1']) {
      expect(errors(parseInput(newTaxRateSchema, { name: 'X', rateBps: bad })).rateBps, bad).toEqual([
        'Enter a percent from 0 to 100, e.g. 8.25',
      ])
    }
    expect(parseInput(taxRateChangeSchema, { taxRateId: id, change: 'make_default' }).ok).toBe(true)
    expect(parseInput(taxRateChangeSchema, { taxRateId: id, change: 'delete' }).ok).toBe(false)
  })

  it('takes a service’s description, unit and whether it is taxed (an unticked box is "not taxed")', () => {
    const r = parseInput(newServiceSchema, { name: 'Rug', description: ' Per rug ', basePriceCents: '59', unit: '', durationMinutes: '45' })
    expect(r.ok && r.data).toEqual({ name: 'Rug', description: 'Per rug', basePriceCents: 5900, unit: 'each', durationMinutes: 45, taxable: false })
    const taxed = parseInput(newServiceSchema, { name: 'Rug', basePriceCents: '59', unit: 'rug', durationMinutes: '45', taxable: 'on' })
    expect(taxed.ok && [taxed.data.unit, taxed.data.taxable]).toEqual(['rug', true])
  })
})
