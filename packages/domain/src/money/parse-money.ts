/** `'12.5'`, `'$1,234.56'` -> cents; null when it is not an amount (no negatives, at most 2 decimals). */
export function parseMoneyToCents(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, '').replace(/,/g, '')
  const match = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(cleaned)
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

/** Cents as an editable amount: `1250` -> `'12.50'`. */
export function centsToInput(cents: number): string {
  return (cents / 100).toFixed(2)
}
