import { describe, expect, it } from 'vitest'
import { contrastWithWhite, isHexColour, MIN_ACCENT_CONTRAST } from './accent-colour.ts'

describe('contrastWithWhite', () => {
  it('matches the WCAG ratios of known colours', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5)
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5)
    // Published ratios of white text on Tailwind's slate-900 and teal-700.
    expect(contrastWithWhite('#0f172a')).toBeCloseTo(17.85, 1)
    expect(contrastWithWhite('#0f766e')).toBeCloseTo(5.47, 1)
  })

  it('knows a #rrggbb colour in either case and nothing else', () => {
    expect(['#0f766e', '#0F766E'].map(isHexColour)).toEqual([true, true])
    expect(['0f766e', '#0f766', '#0f766ee', 'teal', '#0g766e'].map(isHexColour)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ])
  })

  it('tells a readable accent from a too light one', () => {
    expect(contrastWithWhite('#0f766e')).toBeGreaterThanOrEqual(MIN_ACCENT_CONTRAST)
    expect(contrastWithWhite('#fde047')).toBeLessThan(MIN_ACCENT_CONTRAST)
    expect(contrastWithWhite('#14b8a6')).toBeLessThan(MIN_ACCENT_CONTRAST)
  })
})
