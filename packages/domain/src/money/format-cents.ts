// Money is stored in integer cents; formatting happens only at the edge, always as en-US so the
// server and the browser print the same text.
const formatters = new Map<string, Intl.NumberFormat>()

function currencyFormat(currency: string): Intl.NumberFormat {
  let format = formatters.get(currency)
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency })
    formatters.set(currency, format)
  }
  return format
}

/** `12345` -> `$123.45`. One cached formatter per currency. */
export function formatCents(cents: number, currency = 'USD'): string {
  return currencyFormat(currency).format(cents / 100)
}
