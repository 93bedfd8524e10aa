import { describe, expect, it } from 'vitest'
import { PDF_CONTENT_TYPE, pdfFileName } from './file-name.ts'

describe('pdfFileName', () => {
  it.each([
    ['Invoice INV-1004', 'invoice-inv-1004.pdf'],
    ['Quote Q-0042', 'quote-q-0042.pdf'],
    ['Receipt #17 — Paid', 'receipt-17-paid.pdf'],
    ['  Invoice   INV-1004  ', 'invoice-inv-1004.pdf'],
    ['Facture Nº 12 — Hélène Müller', 'facture-no-12-helene-muller.pdf'],
    ['../../etc/passwd', 'etc-passwd.pdf'],
    ['Invoice "INV-1"; filename=evil.exe\r\n', 'invoice-inv-1-filename-evil-exe.pdf'],
    ['', 'document.pdf'],
    ['—', 'document.pdf'],
    ['請求書', 'document.pdf'],
  ])('%j -> %s', (title, expected) => {
    expect(pdfFileName(title)).toBe(expected)
  })

  it('keeps only lower-case letters, digits and single inner hyphens, at most 100 before .pdf', () => {
    const name = pdfFileName(`Invoice ${'INV-1004 '.repeat(40)}`)
    expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.pdf$/)
    expect(name.length).toBeLessThanOrEqual(104)
  })

  it('names the content type', () => {
    expect(PDF_CONTENT_TYPE).toBe('application/pdf')
  })
})
