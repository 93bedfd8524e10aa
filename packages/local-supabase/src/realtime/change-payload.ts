import type { RowChange, TextRow } from './replication.ts'
import type { TableInfo } from './schema-cache.ts'
import { textToJson } from './values.ts'

/**
 * Whether `row` carries every column of the table: an old row with REPLICA IDENTITY FULL does,
 * a key-only old row does not (nor does one of a table with generated columns, which logical
 * decoding leaves out).
 */
export function isCompleteRow(row: TextRow | null, table: TableInfo): row is TextRow {
  return row !== null && table.columns.every((column) => row[column.name] !== undefined)
}

function convert(table: TableInfo, row: TextRow | null, only?: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (!row) return out
  for (const [name, text] of Object.entries(row)) {
    if (text === undefined) continue // unchanged TOAST value the stream did not carry
    if (only && !only.includes(name)) continue
    out[name] = textToJson(table.byName.get(name)?.type ?? 'text', text)
  }
  return out
}

/** The primary key of an updated row, as far as the new row (which the subscriber reads) shows it. */
function unchangedKey(table: TableInfo, change: RowChange): Record<string, unknown> {
  const key: TextRow = {}
  for (const column of table.keyColumns) {
    const now = change.newRow?.[column]
    const before = change.oldRow ? change.oldRow[column] : now
    if (now !== undefined && before === now) key[column] = now
  }
  return convert(table, key)
}

/**
 * The `data` of a postgres_changes event, as Supabase Realtime shapes it. On tables with RLS, a
 * subscriber who could not read the old row gets only its primary key in `old_record`; a deleted
 * row is always reduced to its key there (as on Supabase), whoever receives it.
 */
export function changePayload(
  change: RowChange,
  table: TableInfo,
  commitTimestamp: string,
  canReadOldRow: boolean,
): Record<string, unknown> {
  const data: Record<string, unknown> = {
    schema: change.schema,
    table: change.table,
    commit_timestamp: commitTimestamp,
    type: change.type,
    columns: table.columns.map((c) => ({ name: c.name, type: c.type })),
  }
  if (change.type !== 'DELETE') data.record = convert(table, change.newRow)
  if (change.type === 'UPDATE') {
    data.old_record =
      !table.rowSecurity || canReadOldRow
        ? convert(table, change.oldRow)
        : unchangedKey(table, change)
  }
  if (change.type === 'DELETE') {
    data.old_record = convert(
      table,
      change.oldRow,
      table.rowSecurity ? table.keyColumns : undefined,
    )
  }
  data.errors = null
  return data
}
