// A CSV row through the column mapping: trimmed values, the first of several e-mails or phones
// (Jobber lists them in one cell), a full name split when there are no name columns.
import { STAGED_CELL_MAX_CHARS } from '@repo/database/limits'
import type { CsvDataRow } from './read-table.ts'
import type { ColumnMapping, CustomerImportColumn, StagedCustomerRow } from './fields.ts'
import { customerImportColumns } from './fields.ts'

const clean = (value: string | undefined): string | null => {
  const text = value?.trim() ?? ''
  // Over-long cells are cut just past the staging limit: still long enough to be reported as too long.
  return text === '' ? null : text.slice(0, STAGED_CELL_MAX_CHARS)
}

const firstOfList = (value: string | null, separators: RegExp): string | null =>
  value === null
    ? null
    : (value
        .split(separators)
        .map((v) => v.trim())
        .find((v) => v !== '') ?? null)

/** "Alice Mae Johnson" → Alice Mae / Johnson; "Johnson, Alice" → Alice / Johnson; "Cher" → Cher / –. */
export function splitFullName(full: string): { first: string | null; last: string | null } {
  const text = full.trim().replace(/\s+/g, ' ')
  if (text === '') return { first: null, last: null }
  const comma = text.indexOf(',')
  if (comma > 0) {
    return { first: clean(text.slice(comma + 1)), last: clean(text.slice(0, comma)) }
  }
  const space = text.lastIndexOf(' ')
  if (space === -1) return { first: text, last: null }
  return { first: text.slice(0, space), last: text.slice(space + 1) }
}

/** One CSV row as the customer fields it fills. */
export function mapRow(row: CsvDataRow, mapping: ColumnMapping): StagedCustomerRow {
  const cell = (index: number | null) => (index === null ? null : clean(row.cells[index]))
  const values = Object.fromEntries(
    customerImportColumns.map((c) => [c, cell(mapping[c])]),
  ) as Record<CustomerImportColumn, string | null>
  if (values.first_name === null && values.last_name === null) {
    const full = cell(mapping.full_name)
    if (full !== null) {
      const { first, last } = splitFullName(full)
      values.first_name = first
      values.last_name = last
    }
  }
  values.email = firstOfList(values.email, /[,;\s]+/)?.toLowerCase() ?? null
  values.phone = firstOfList(values.phone, /[,;/]+/)
  return { csv_row: row.csvRow, ...values }
}
