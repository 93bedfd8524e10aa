import { describe, expect, it } from 'vitest'
import { renderDocumentPdf } from './render.ts'
import { SAMPLE_SIGNATURE_PNG, sampleInvoice } from './sample.ts'
import { readPdf, squash } from './testing/read-pdf.ts'
import type { BusinessDocument } from './types.ts'

const LETTER = { width: 612, height: 792 }
const MARGIN = 54

function asText(pdf: Uint8Array) {
  return Buffer.from(pdf).toString('latin1')
}

/** Every piece of text lies between the page's side margins (a point of slack for rounding). */
function expectInsideMargins(pages: Awaited<ReturnType<typeof readPdf>>) {
  for (const [i, page] of pages.entries()) {
    for (const piece of page.pieces) {
      const where = `page ${i + 1}: ${JSON.stringify(piece.text.slice(0, 40))}`
      expect(piece.left, where).toBeGreaterThanOrEqual(MARGIN - 1)
      expect(piece.right, where).toBeLessThanOrEqual(page.width - MARGIN + 1)
    }
  }
}

describe('renderDocumentPdf', () => {
  it('renders a small invoice to a Letter PDF with everything on it', async () => {
    const doc = sampleInvoice(5)
    const pdf = await renderDocumentPdf(doc)

    expect(asText(pdf.subarray(0, 5))).toBe('%PDF-')
    expect(asText(pdf.subarray(-8)).trimEnd().endsWith('%%EOF')).toBe(true)

    const pages = await readPdf(pdf)
    expect(pages[0]).toMatchObject(LETTER)
    const text = squash(pages.map((p) => p.text).join('\n'))
    expect(text).toContain('Invoice INV-1004')
    expect(text).toContain('Partially paid')
    expect(text).toContain('BILL TO Alice Johnson 418 Oak Hollow Dr')
    expect(text).toContain('Dirt Free Carpet Care 1200 Congress Ave, Suite 300')
    expect(text).toContain('Due Mar 18, 2026')
    expect(text).toContain('Visit Mar 3, 2026, 9:00 AM')
    expect(text).toContain('Carpet cleaning — living room')
    expect(text).toContain('Hot-water extraction, pre-treatment of traffic lanes')
    expect(text).toContain('Tax 8.25%')
    for (const total of doc.totals) expect(text).toContain(`${total.label} ${total.amount}`)
    expect(text).toContain('Subtotal $666.25')
    expect(text).toContain('Total $721.22')
    expect(text).toContain('Paid -$360.61')
    expect(text).toContain('Balance due $360.61')
    expect(text).toContain('Mar 6, 2026 Card •••• 4242')
    expect(text).toContain('Please keep pets off the carpet for six hours.')
    expect(text).toContain('A late fee of 1.5% per month applies')
    expect(text).toContain('Signed by Alice Johnson on Mar 2, 2026')
    expect(text).toContain('Dirt Free Carpet Care LLC · Licensed and insured')
    expectInsideMargins(pages)
  })

  it('draws the signature image when there is one, and fetches nothing for another source', async () => {
    const doc = sampleInvoice(1)
    const withImage = asText(await renderDocumentPdf(doc))
    expect(withImage).toMatch(/\/Subtype \/Image/)

    const remote = {
      ...doc,
      signature: { name: 'Alice', signedAt: 'today', imageDataUrl: 'http://127.0.0.1:9/x.png' },
    }
    const withoutImage = await renderDocumentPdf(remote)
    expect(asText(withoutImage)).not.toMatch(/\/Subtype \/Image/)
    expect(squash((await readPdf(withoutImage)).map((p) => p.text).join(' '))).toContain(
      'Signed by Alice on today',
    )
    expect(SAMPLE_SIGNATURE_PNG.startsWith('data:image/png;base64,')).toBe(true)

    // A corrupt image is left out (react-pdf logs it); the document still renders.
    const corrupt = {
      ...doc,
      signature: { ...remote.signature, imageDataUrl: 'data:image/png;base64,AAAA' },
    }
    expect(asText(await renderDocumentPdf(corrupt))).not.toMatch(/\/Subtype \/Image/)
  })

  it('runs a 120-line invoice over several pages, each numbered and each table part headed', async () => {
    const doc = sampleInvoice(120)
    const pages = await readPdf(await renderDocumentPdf(doc))

    expect(pages.length).toBeGreaterThan(1)
    for (const [i, page] of pages.entries()) {
      expect(page.text).toContain(`Page ${i + 1} of ${pages.length}`)
      // A page with lines on it starts its part of the table with the column headings.
      if (/\(\d+\)/.test(page.text))
        expect(squash(page.text)).toContain('DESCRIPTION QTY UNIT PRICE AMOUNT')
    }
    const text = squash(pages.map((p) => p.text).join('\n'))
    for (let n = 7; n <= 120; n++) expect(text).toContain(`(${n})`)
    expect(text).toContain('Balance due')
    expectInsideMargins(pages)
  })

  it('wraps a 10,000-character note and a 500-character description instead of overflowing', async () => {
    const words = Array.from({ length: 1_500 }, (_, i) => `word${i}`)
    const note = words.join(' ').slice(0, 10_000)
    expect(note.length).toBe(10_000)
    const description = Array.from({ length: 70 }, (_, i) => `part${i}`)
      .join(' ')
      .slice(0, 500)
    const token = 'ABCDEFGHIJ0123456789'.repeat(25) // 500 characters and no space at all
    const doc: BusinessDocument = {
      ...sampleInvoice(3),
      notes: note,
      title: `Invoice ${'INV-'.repeat(30)}1004`,
    }
    const [first, ...rest] = doc.lines
    if (!first) throw new Error('the sample has lines')
    doc.lines = [{ ...first, description, detail: token }, ...rest]
    doc.billTo = { name: 'X'.repeat(200), lines: ['https://example.com/'.repeat(10)] }

    const pages = await readPdf(await renderDocumentPdf(doc))

    const text = pages.map((p) => p.text).join('\n')
    const lastWord = note.split(' ').at(-1) ?? ''
    for (const word of note.split(' ').slice(0, -1)) expect(text).toContain(`${word}`)
    expect(text).toContain(lastWord)
    for (const part of description.split(' ')) expect(text).toContain(part)
    // A word too long for its column breaks between characters, with a hyphen at each break.
    expect(text.replace(/-\n/g, '').replace(/\s/g, '')).toContain(token)
    expectInsideMargins(pages)
  })

  it('renders an empty quote: no lines, no totals, nothing optional', async () => {
    const doc: BusinessDocument = {
      kind: 'quote',
      title: 'Quote Q-1',
      business: { name: 'Dirt Free', lines: [] },
      billTo: { name: 'Alice Johnson', lines: [] },
      facts: [],
      lines: [],
      totals: [],
    }
    const pages = await readPdf(await renderDocumentPdf(doc))
    expect(pages).toHaveLength(1)
    expect(squash(pages[0]?.text ?? '')).toContain('PREPARED FOR Alice Johnson')
    expect(pages[0]?.text).toContain('Quote Q-1 · Page 1 of 1')
  })
})
