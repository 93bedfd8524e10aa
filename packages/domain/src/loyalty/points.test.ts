import { describe, expect, it } from 'vitest'
import { awardKinds, loyaltyKindLabel } from './loyalty-kind.ts'
import { formatPointCount, formatPoints } from './points.ts'

describe('formatPoints', () => {
  it('pluralises and signs', () => {
    expect(formatPoints(1)).toBe('1 point')
    expect(formatPoints(1500)).toBe('1,500 points')
    expect(formatPoints(-20)).toBe('−20 points')
    expect(formatPointCount(1234)).toBe('1,234')
  })
})

describe('loyalty kinds', () => {
  it('lets staff record every kind but a redemption', () => {
    expect(awardKinds).toEqual(['earned', 'bonus', 'adjustment'])
    expect(loyaltyKindLabel.redeemed).toBe('Redeemed')
  })
})
