// A made-up invoice of any length, for tests, the benchmark and previews of the layout. Amounts are
// formatted here as a caller would (en-US dollars); the package itself formats nothing.
import type { BusinessDocument, DocumentLine } from './types.ts'

/** A 160 × 48 PNG of a scribble, as the quote-approval pad sends it. */
export const SAMPLE_SIGNATURE_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAKAAAAAwCAQAAAA8oLnlAAABKUlEQVR42u3aSw7CMAxF0S6C/W/VTJgUpJL48+xWV56i1JwSt3Y4XgcRCQgABBBAAAkAAQQQQGI8oH0CwACePYuxj+8hhGq+b8yOL516fTVedz1M3wddfD2Ell9Kep+7WsJfsARCRcqxT1TfyiBiL5+O8AopRDjhpbme8F8uAcIJPUd1JVxb35mF+smr/w3u7gTrBvRthyrCvVwcuc/gqyLcz2X77XAGXk0l9K1oC1EAmPFen0uYcTMXGPPboxnzwvhKAsCK8VTOSqZ7rs8bj0ZXFI/KzhfWb1p/BbLL4YBsxuPrXFW9gz+OiYDaFG+A910DVxtubYrrXWzLEcFaN/C4s7RawDMTeFut3Jjact9jTfASxlng8eciAAEEkAAQQAABJAAEcHC8AesDcyBqQM54AAAAAElFTkSuQmCC'

const services = [
  ['Carpet cleaning — living room', 'Hot-water extraction, pre-treatment of traffic lanes'],
  ['Upholstery cleaning — sofa', 'Three-seat, microfibre'],
  ['Stain removal', 'Red wine, hallway runner'],
  ['Tile and grout cleaning — kitchen', null],
  ['Pet odour treatment', 'Enzyme treatment, two rooms'],
  ['Area rug cleaning', '8 × 10 ft wool rug, pickup and delivery'],
] as const

const dollars = (cents: number) =>
  `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`

export function sampleLines(count: number): DocumentLine[] {
  return Array.from({ length: count }, (_, i) => {
    const [description, detail] = services[i % services.length] ?? services[0]
    const quantity = (i % 3) + 1
    const unit = 4_500 + ((i * 1_375) % 20_000)
    return {
      description: count > services.length ? `${description} (${i + 1})` : description,
      detail,
      quantity: String(quantity),
      unitPrice: dollars(unit),
      amount: dollars(unit * quantity),
      note: i % 4 === 0 ? 'Tax 8.25%' : null,
    }
  })
}

export function sampleInvoice(lineCount = 5): BusinessDocument {
  const lines = sampleLines(lineCount)
  const subtotal = lines.reduce((sum, l) => sum + Number(l.amount.replace(/[$,]/g, '')) * 100, 0)
  const tax = Math.round(subtotal * 0.0825)
  const total = subtotal + tax
  const paid = Math.round(total / 2)
  return {
    kind: 'invoice',
    title: 'Invoice INV-1004',
    status: 'Partially paid',
    business: {
      name: 'Dirt Free Carpet Care',
      lines: [
        '1200 Congress Ave, Suite 300',
        'Austin, TX 78701',
        '(512) 555-0134',
        'office@dirtfree.test',
      ],
    },
    billTo: {
      name: 'Alice Johnson',
      lines: ['418 Oak Hollow Dr', 'Austin, TX 78745', 'alice@example.com'],
    },
    facts: [
      { label: 'Issued', value: 'Mar 4, 2026' },
      { label: 'Due', value: 'Mar 18, 2026' },
      // Intl's en-US times put a narrow no-break space (U+202F) before AM/PM.
      { label: 'Visit', value: 'Mar 3, 2026, 9:00\u202fAM' },
      { label: 'Service address', value: '418 Oak Hollow Dr, Austin, TX 78745' },
    ],
    lines,
    totals: [
      { label: 'Subtotal', amount: dollars(subtotal) },
      { label: 'Tax (8.25%)', amount: dollars(tax) },
      { label: 'Total', amount: dollars(total), emphasis: true },
      { label: 'Paid', amount: `-${dollars(paid)}` },
      { label: 'Balance due', amount: dollars(total - paid), emphasis: true },
    ],
    payments: [
      { date: 'Mar 6, 2026', method: 'Card •••• 4242', amount: dollars(paid), note: 'Deposit' },
    ],
    notes: 'Thank you for choosing Dirt Free. Please keep pets off the carpet for six hours.',
    terms: 'Payment due within 14 days. A late fee of 1.5% per month applies to overdue balances.',
    signature: {
      name: 'Alice Johnson',
      signedAt: 'Mar 2, 2026',
      imageDataUrl: SAMPLE_SIGNATURE_PNG,
    },
    footer: 'Dirt Free Carpet Care LLC · Licensed and insured · dirtfree.test',
  }
}
