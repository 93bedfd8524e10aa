import { RestError } from './errors.ts'

export interface MediaChoice {
  kind: 'array' | 'object' | 'csv'
  stripNulls: boolean
}

/** Picks the response media type from `Accept`, as PostgREST negotiates it. */
export function negotiate(accept: string | undefined): MediaChoice {
  if (!accept || accept.trim() === '') return { kind: 'array', stripNulls: false }
  const offered: string[] = []
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.split(';').map((s) => s.trim())
    const media = type.toLowerCase()
    offered.push(media)
    const stripNulls = params.some((p) => p.replace(/\s/g, '') === 'nulls=stripped')
    if (media === 'application/vnd.pgrst.object+json' || media === 'application/vnd.pgrst.object') {
      return { kind: 'object', stripNulls }
    }
    if (
      media === 'application/json' ||
      media === 'application/vnd.pgrst.array+json' ||
      media === 'application/*' ||
      media === '*/*'
    ) {
      return { kind: 'array', stripNulls }
    }
    if (media === 'text/csv') return { kind: 'csv', stripNulls: false }
  }
  const plan = offered.some((m) => m.startsWith('application/vnd.pgrst.plan'))
  throw new RestError(
    406,
    'PGRST107',
    `None of these media types are available: ${offered.join(', ')}`,
    null,
    plan
      ? "Execution plans (explain) are disabled on this server, as with PostgREST's default db-plan-enabled = false."
      : null,
  )
}

export function contentType(choice: MediaChoice): string {
  if (choice.kind === 'csv') return 'text/csv; charset=utf-8'
  if (choice.kind === 'object') return 'application/vnd.pgrst.object+json; charset=utf-8'
  return 'application/json; charset=utf-8'
}

/** `Content-Range: first-last/total` (`*` for unknown parts), as PostgREST writes it. */
export function contentRange(offset: number, rows: number, total: number | null): string {
  const upper = offset + rows - 1
  const totalText = total === null ? '*' : String(total)
  if (rows === 0 || (total !== null && total === 0) || offset > upper) return `*/${totalText}`
  return `${offset}-${upper}/${totalText}`
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** CSV with a header row; nested values are written as JSON. */
export function toCsv(rows: Array<Record<string, unknown>>, names: string[]): string {
  const header = rows[0] ? Object.keys(rows[0]) : names
  const lines = [header.map(csvCell).join(',')]
  for (const row of rows) lines.push(header.map((name) => csvCell(row[name])).join(','))
  return lines.join('\n')
}

export function singleObjectError(rows: number): RestError {
  return new RestError(
    406,
    'PGRST116',
    'Cannot coerce the result to a single JSON object',
    `The result contains ${rows} rows`,
  )
}
