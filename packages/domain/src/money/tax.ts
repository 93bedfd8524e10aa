// The one totals rule, mirrored from the database (private.tax_on) so forms can show totals while
// staff type and customers choose: tax per rate over the document, round half up to the cent.
// The database recomputes on save; these numbers are only ever a preview.

export interface PricedLine {
  quantity: number
  unitPriceCents: number
  taxable: boolean
  taxRateBps: number
}

export interface Totals {
  subtotalCents: number
  taxCents: number
  totalCents: number
}

/** The money rounding rule: half up (amounts here are never negative), as Postgres's round(). */
export function roundHalfUp(value: number): number {
  return Math.floor(value + 0.5)
}

/** Tax over lines, grouped by rate (the database's rounding, cent for cent). */
export function taxOn(lines: readonly PricedLine[]): number {
  const byRate = new Map<number, number>()
  for (const line of lines) {
    if (!line.taxable) continue
    byRate.set(line.taxRateBps, (byRate.get(line.taxRateBps) ?? 0) + line.quantity * line.unitPriceCents)
  }
  let tax = 0
  // Integer arithmetic first: amount × bps is exact below 2^53 for any amount we accept.
  for (const [rate, amount] of byRate) tax += roundHalfUp((amount * rate) / 10_000)
  return tax
}

export function totalsOf(lines: readonly PricedLine[]): Totals {
  const subtotalCents = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0)
  const taxCents = taxOn(lines)
  return { subtotalCents, taxCents, totalCents: subtotalCents + taxCents }
}

/** `825` -> `8.25%`. */
export function formatRate(bps: number): string {
  return `${(bps / 100).toFixed(2).replace(/\.?0+$/, '')}%`
}

/** `'8.25'` (percent as typed) -> 825 basis points; null when it is not a rate. */
export function parseRatePercent(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text)
  if (!match) return null
  const bps = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  return bps <= 10_000 ? bps : null
}
