import { describe, expect, it } from 'vitest'
import { isLowRating, isRating, ratingLabel, ratingStars } from './reviews.ts'

describe('reviews', () => {
  it('word a rating for people and for screen readers', () => {
    expect(ratingLabel(1)).toBe('1 of 5 stars')
    expect(ratingLabel(2)).toBe('2 of 5 stars')
    expect(ratingStars(2)).toBe('★★☆☆☆')
    expect(ratingStars(5)).toBe('★★★★★')
  })

  it('call a rating low at or under the threshold, and know what a rating is', () => {
    expect(isLowRating(3, 3)).toBe(true)
    expect(isLowRating(4, 3)).toBe(false)
    expect([0, 1, 5, 6, 2.5, '3'].map(isRating)).toEqual([false, true, true, false, false, false])
  })
})
