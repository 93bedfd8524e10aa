import { describe, expect, it } from 'vitest'
import { centsToInput, parseMoneyToCents } from './parse-money.ts'
import { formatRate, parseRatePercent, taxOn, totalsOf } from './tax.ts'

const line = (unitPriceCents: number, taxRateBps = 825, quantity = 1, taxable = true) => ({
  unitPriceCents,
  taxRateBps,
  quantity,
  taxable,
})

describe('the totals rule', () => {
  it('taxes per rate over the whole document, rounding half up once per rate', () => {
    // Per line this would be 651.75 + 412.5 + 495 -> 652 + 413 + 495 = 1560; per rate it is 1559.
    expect(taxOn([line(7900), line(2500, 825, 2), line(6000)])).toBe(1559)
    expect(taxOn([line(5000)])).toBe(413) // 412.5 rounds up
    expect(taxOn([line(4999)])).toBe(412) // 412.4175 rounds down
  })

  it('keeps rates apart and leaves untaxed lines out', () => {
    expect(taxOn([line(10000, 825), line(10000, 500), line(10000, 825, 1, false)])).toBe(825 + 500)
    expect(totalsOf([line(10000, 1000), line(2500, 0, 2, false)])).toEqual({
      subtotalCents: 15000,
      taxCents: 1000,
      totalCents: 16000,
    })
  })
})

describe('typed amounts and rates', () => {
  it('reads dollars into cents and refuses what is not an amount', () => {
    expect(parseMoneyToCents('12.5')).toBe(1250)
    expect(parseMoneyToCents('$1,234.56')).toBe(123456)
    expect(parseMoneyToCents('7')).toBe(700)
    for (const bad of ['', '-5', '1.234', 'abc', '1e3']) expect(parseMoneyToCents(bad)).toBeNull()
    expect(centsToInput(1250)).toBe('12.50')
  })

  it('reads and writes percent rates in basis points', () => {
    expect(parseRatePercent('8.25')).toBe(825)
    expect(parseRatePercent('8.5%')).toBe(850)
    expect(parseRatePercent('100')).toBe(10000)
    expect(parseRatePercent('100.01')).toBeNull()
    expect(parseRatePercent('x')).toBeNull()
    expect(formatRate(825)).toBe('8.25%')
    expect(formatRate(800)).toBe('8%')
    expect(formatRate(850)).toBe('8.5%')
  })
})
