import { describe, expect, it } from 'vitest'
import { formatCents, formatDate, formatDateTime, formatPoints } from './format.ts'

describe('formatCents', () => {
  it('formats integer cents as dollars', () => {
    expect(formatCents(12345)).toBe('$123.45')
    expect(formatCents(0)).toBe('$0.00')
    expect(formatCents(-500)).toBe('-$5.00')
  })
})

describe('formatPoints', () => {
  it('pluralises and signs', () => {
    expect(formatPoints(1)).toBe('1 point')
    expect(formatPoints(1500)).toBe('1,500 points')
    expect(formatPoints(-20)).toBe('−20 points')
  })
})

describe('dates', () => {
  it('renders in the given time zone and a dash for missing values', () => {
    expect(formatDate('2026-03-01T02:00:00Z', 'America/Los_Angeles')).toBe('Feb 28, 2026')
    expect(formatDate(null)).toBe('—')
    expect(formatDateTime('2026-03-01T17:30:00Z', 'UTC')).toBe('Sun, Mar 1, 5:30 PM')
  })
})
