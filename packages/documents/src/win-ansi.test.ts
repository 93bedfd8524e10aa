import { describe, expect, it } from 'vitest'
import { toWinAnsi, withWinAnsiText } from './win-ansi.ts'

describe('toWinAnsi', () => {
  it('leaves plain text and the Windows-1252 characters alone', () => {
    const text = 'Invoice INV-1004 — “Paid” • €12.50 £3 ¥9 café Müller × 2 … ™\nNext line'
    expect(toWinAnsi(text)).toBe(text)
  })

  it('turns the spaces and minus signs Intl formatters produce into plain ones', () => {
    expect(toWinAnsi('3:00\u202fPM')).toBe('3:00 PM')
    expect(toWinAnsi('\u2212$5.00')).toBe('-$5.00')
    expect(toWinAnsi('1\u2009000\u00a0kr')).toBe('1 000\u00a0kr')
  })

  it('drops accents Helvetica lacks and marks what it cannot show', () => {
    expect(toWinAnsi('Łukasz Nguyễn')).toBe('Lukasz Nguyen')
    expect(toWinAnsi('e\u0301')).toBe('é')
    expect(toWinAnsi('日本 ₹100')).toBe('?? ?100')
    expect(toWinAnsi('a\u200bb\ufeff')).toBe('ab')
  })

  it('maps every string of a document and nothing else', () => {
    const doc = { title: '3:00\u202fPM', n: 3, lines: [{ a: '\u22121', b: null }] }
    expect(withWinAnsiText(doc)).toEqual({ title: '3:00 PM', n: 3, lines: [{ a: '-1', b: null }] })
  })
})
