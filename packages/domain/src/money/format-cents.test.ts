import { describe, expect, it } from 'vitest'
import { formatCents } from './format-cents.ts'

describe('formatCents', () => {
  it('formats integer cents as dollars', () => {
    expect(formatCents(12345)).toBe('$123.45')
    expect(formatCents(0)).toBe('$0.00')
    expect(formatCents(-500)).toBe('-$5.00')
    expect(formatCents(123456)).toBe('$1,234.56')
  })

  it('reuses one formatter per currency', () => {
    expect(formatCents(100, 'EUR')).toBe('€1.00')
    expect(formatCents(250, 'EUR')).toBe('€2.50')
  })
})
