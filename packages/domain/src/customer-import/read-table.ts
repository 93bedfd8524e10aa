// From parsed CSV records to a header and numbered data rows, refusing files that cannot be an
// import, with a message that says what is wrong and what to do.
import { CUSTOMER_EMAIL_PATTERN, MAX_IMPORT_ROWS } from '@repo/database/limits'
import { formatCount } from '../counts/index.ts'

export interface CsvFileInfo {
  name: string
  type: string
  size: number
}

/** Files over this size are refused before reading (20,000 generous rows fit in a few MB). */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024

const CSV_TYPES = new Set([
  'text/csv',
  'text/plain',
  'application/csv',
  'application/vnd.ms-excel',
  'text/x-csv',
  '',
])

/** Checks the picked file before reading it: a CSV by name and type, not empty, not huge. */
export function checkCsvFile(file: CsvFileInfo): string | null {
  const csvName = /\.(csv|txt)$/i.test(file.name)
  if (!csvName || !CSV_TYPES.has(file.type)) {
    return `“${file.name}” is not a CSV file. Save it as CSV (in Excel: File › Save As › CSV UTF-8) and pick that file.`
  }
  if (file.size === 0) return `“${file.name}” is empty.`
  if (file.size > MAX_IMPORT_FILE_BYTES)
    return `“${file.name}” is larger than 20 MB; split it into smaller files.`
  return null
}

/** Checks the file's text: a spreadsheet or other binary file renamed .csv has NUL bytes. */
export function checkCsvText(name: string, text: string): string | null {
  if (text.includes('\u0000')) {
    return `“${name}” is not a CSV text file (it looks like a spreadsheet or other binary file). Save it as CSV and try again.`
  }
  if (text.trim() === '') return `“${name}” is empty.`
  return null
}

export interface CsvDataRow {
  /** The row's number in the file as a spreadsheet shows it (the header is row 1). */
  csvRow: number
  cells: string[]
}

export type CsvTable =
  | { ok: true; headers: string[]; rows: CsvDataRow[] }
  | { ok: false; error: string }

const email = new RegExp(CUSTOMER_EMAIL_PATTERN, 'i')
const phoneLike = /^[+()\d\s.-]+$/
const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === '')

/** A first row holding an e-mail address or a phone number is a customer, not column names. */
function looksLikeData(headers: readonly string[]): boolean {
  return headers.some((h) => {
    const value = h.trim()
    return email.test(value) || (phoneLike.test(value) && value.replace(/\D/g, '').length >= 7)
  })
}

/** The header and the non-blank data rows of parsed CSV records (blank lines keep their numbers). */
export function readCsvTable(records: readonly (readonly string[])[]): CsvTable {
  const first = records.findIndex((r) => !blank(r))
  if (first === -1) return { ok: false, error: 'The file is empty.' }
  const headers = (records[first] ?? []).map((h) => h.replace(/^\uFEFF/, '').trim())
  if (looksLikeData(headers)) {
    return {
      ok: false,
      error:
        'The first row is a customer, not column names. Add a header row (for example First Name, Last Name, Email, Phone) and try again.',
    }
  }
  const rows: CsvDataRow[] = []
  for (let i = first + 1; i < records.length; i++) {
    const cells = records[i] ?? []
    if (!blank(cells)) rows.push({ csvRow: i + 1, cells: [...cells] })
  }
  if (rows.length === 0) return { ok: false, error: 'The file has column names but no customers.' }
  if (rows.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      error: `The file has ${formatCount(rows.length)} customers; at most ${formatCount(MAX_IMPORT_ROWS)} can be imported at once. Split it into smaller files.`,
    }
  }
  return { ok: true, headers, rows }
}
