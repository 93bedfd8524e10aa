// CSV as spreadsheets read it (RFC 4180: CRLF, quotes doubled), safe to open: a text cell that
// starts with = + - @ (or a tab or carriage return) would run as a formula in Excel or Sheets, so
// it gets a leading apostrophe (OWASP's "CSV injection" advice).

export type CsvValue = string | number | null | undefined

const formulaStart = /^[=+\-@\t\r]/
const needsQuotes = /[",\r\n]/

/** One cell: empty for nothing, numbers as they are, text made safe and quoted when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  const text = formulaStart.test(value) ? `'${value}` : value
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export interface CsvColumn<T> {
  header: string
  value: (row: T) => CsvValue
}

/** The whole file: a byte-order mark (so Excel reads UTF-8), the header row and one line per row. */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')]
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** Integer cents as a plain decimal amount: 123456 → "1234.56" (no currency sign or grouping). */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(Math.trunc(cents))
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}
