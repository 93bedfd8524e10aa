import { describe, expect, it } from 'vitest'
import { customerSources, isListedSource, normalizeSource } from './sources.ts'
import {
  addTag,
  MAX_TAG_CHARS,
  MAX_TAGS,
  mergeTags,
  normalizeTag,
  tagProblem,
  tagsProblem,
} from './tags.ts'

describe('customer tags', () => {
  it('tidies what was typed', () => {
    expect(normalizeTag('  Rental   owner ')).toBe('Rental owner')
  })

  it('adds a tag, and refuses blanks, long ones, duplicates in any case and the 21st', () => {
    expect(addTag(['VIP'], ' pets ')).toEqual({ tags: ['VIP', 'pets'] })
    expect(addTag([], '   ')).toEqual({ error: 'Type a tag first' })
    expect(addTag([], 'x'.repeat(MAX_TAG_CHARS + 1))).toEqual({
      error: 'A tag is at most 40 characters',
    })
    expect(addTag([], 'x'.repeat(MAX_TAG_CHARS))).toEqual({ tags: ['x'.repeat(40)] })
    expect(addTag(['VIP'], 'vip')).toEqual({ error: '“vip” is already a tag' })
    const full = Array.from({ length: MAX_TAGS }, (_, i) => `t${i}`)
    expect(tagProblem(full, 'one more')).toBe('At most 20 tags')
  })

  it('checks a whole list as the database does', () => {
    expect(tagsProblem(['VIP', 'Pets'])).toBeNull()
    expect(tagsProblem(['VIP', 'vip'])).toMatch(/already a tag/)
    expect(tagsProblem([''])).toBe('Type a tag first')
  })

  it('merges tags without duplicates, the existing spelling winning, up to the limit', () => {
    expect(mergeTags(['VIP', 'Pets'], ['pets', 'Rental owner', ''])).toEqual([
      'VIP',
      'Pets',
      'Rental owner',
    ])
    const nineteen = Array.from({ length: 19 }, (_, i) => `t${i}`)
    expect(mergeTags(nineteen, ['a', 'b'])).toHaveLength(20)
  })
})

describe('customer sources', () => {
  it('lists the common answers and takes free text', () => {
    expect(customerSources).toContain('Referral')
    expect(customerSources).toContain('Google')
    expect(isListedSource('Yelp')).toBe(true)
    expect(isListedSource('A neighbour')).toBe(false)
    expect(isListedSource(null)).toBe(false)
    expect(normalizeSource('  Home   show ')).toBe('Home show')
    expect(normalizeSource('   ')).toBeNull()
    expect(normalizeSource(undefined)).toBeNull()
  })
})
