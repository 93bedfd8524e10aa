import type pg from 'pg'
import type { RestRequest, RestResponse } from './context.ts'
import { RestError } from './errors.ts'
import type { ParsedQuery } from './parse/query.ts'
import { type Preferences, preferenceApplied } from './parse/prefer.ts'
import {
  contentRange,
  contentType,
  explainPrefix,
  type MediaChoice,
  singleObjectError,
} from './response.ts'
import { Params } from './sql/quote.ts'
import { compileNode, type ReadNode } from './sql/read-sql.ts'

export interface Page {
  limit: number | null
  offset: number
}

/**
 * The top-level page from `limit`/`offset`, the `Range` header (unless `useRange` is false: PostgREST
 * ignores it on a HEAD or POST to a function) and the server's max rows.
 */
export function pageFor(r: RestRequest, query: ParsedQuery, useRange = true): Page {
  let offset = query.offsets.get('') ?? 0
  let limit = query.limits.get('') ?? null
  const range = useRange ? r.req.headers.range : undefined
  const unit = r.req.headers['range-unit']
  if (range && (unit === undefined || unit === 'items')) {
    const match = /^(?:items=)?([0-9]{1,15})-([0-9]{0,15})$/.exec(range.trim())
    if (match) {
      const start = Number(match[1])
      const end = match[2] === '' ? null : Number(match[2])
      if (end !== null && end < start) {
        throw new RestError(
          416,
          'PGRST103',
          'Requested range not satisfiable',
          `The range ${range} ends before it starts`,
        )
      }
      // Intersect the header's range with limit/offset, as PostgREST does.
      const queryEnd = limit === null ? null : offset + limit - 1
      const newOffset = Math.max(offset, start)
      const ends = [queryEnd, end].filter((v): v is number => v !== null)
      const newEnd = ends.length ? Math.min(...ends) : null
      offset = newOffset
      limit = newEnd === null ? null : Math.max(0, newEnd - newOffset + 1)
    }
  }
  const max = r.config.maxRows
  if (max !== null && (limit === null || limit > max)) limit = max
  return { limit, offset }
}

/**
 * The count a caller gets. Planner estimates come from statistics over every row, rows RLS hides
 * included (PostgreSQL keeps those statistics, pg_stats, from such callers for the same reason), so
 * only roles that bypass RLS get them; everyone else gets the exact count of the rows they can see.
 */
export function countFor(r: RestRequest): Preferences['count'] {
  const count = r.prefs.count
  if (count === null || count === 'exact') return count
  return r.cache.rlsBypassRoles.has(r.auth.role) ? count : 'exact'
}

export interface ReadResult {
  total: number | null
  pageTotal: number
  body: string | null
  /** Rows the statement inserted rather than updated (`opts.inserted`), else null. */
  inserted: number | null
  /** The EXPLAIN output when the caller asked for the plan (`application/vnd.pgrst.plan`). */
  plan: string | null
}

/**
 * CSV as PostgREST writes it: a header of the first row's keys, then each row in PostgreSQL's
 * own record text (the parentheses cut off), so values are quoted and escaped as `record_out`
 * does it (tsvector, jsonb, arrays, booleans as `t`/`f`) and NULL is an empty field.
 */
const CSV_BODY = `(select coalesce(string_agg(_k, ','), '') from json_object_keys((select row_to_json(_h) from pgrst_body as _h limit 1)) as _k)
  || chr(10) || coalesce(string_agg(substring(_r::text, 2, length(_r::text) - 2), chr(10)), '')`

function bodyExpr(media: MediaChoice, head: boolean): string {
  if (head) return 'null'
  if (media.kind === 'csv') return CSV_BODY
  if (media.stripNulls) return `coalesce(json_agg(json_strip_nulls(row_to_json(_r))), '[]')::text`
  return `coalesce(json_agg(_r), '[]')::text`
}

/** The planner's row estimate for the whole (unpaged) read: `Prefer: count=planned`. */
async function plannedCount(
  client: pg.PoolClient,
  node: ReadNode,
  source: string,
): Promise<number> {
  const params = new Params()
  const { sql } = compileNode(node, params, { source, alias: 't0', mode: 'count' })
  const result = await client.query<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>(
    `explain (format json) ${sql}`,
    params.values,
  )
  return Math.round(result.rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0)
}

export interface ReadOptions {
  count: Preferences['count']
  media: MediaChoice
  head: boolean
  prefix?: string
  maxRows?: number | null
  /** SQL reading how many rows the write inserted, evaluated after it ran. */
  inserted?: string
}

/** A read needs a statement before its own (the planner's estimate) or instead of it (EXPLAIN). */
export function readNeedsMoreThanOneStatement(opts: ReadOptions): boolean {
  return (
    Boolean(opts.media.plan) ||
    ((opts.count === 'planned' || opts.count === 'estimated') && !opts.prefix)
  )
}

/** The read's statement: the page as one JSON (or CSV) text, built by PostgreSQL, with its counts. */
export function readStatementSql(
  params: Params,
  node: ReadNode,
  source: string,
  page: Page,
  opts: ReadOptions,
  exactCount: boolean,
): string {
  const rows = compileNode(node, params, {
    source,
    alias: 't0',
    mode: 'rows',
    page: { limit: page.limit, offset: page.offset },
  })
  const count = exactCount
    ? `(select count(*) from (${compileNode(node, params, { source, alias: 't0', mode: 'count' }).sql}) as _c)`
    : 'null'
  const inserted = opts.inserted ?? 'null'
  return `${opts.prefix ? `${opts.prefix}, ` : 'with '}pgrst_body as (${rows.sql})
select ${count}::bigint as total, count(_r)::bigint as page_total, ${bodyExpr(opts.media, opts.head)} as body,
  ${inserted}::bigint as inserted
from pgrst_body as _r`
}

export interface ReadRow {
  total: string | null
  page_total: string
  body: string | null
  inserted: string | null
}

/** The read statement's one row as a ReadResult; `known` is a count already known (planned). */
export function readResultOf(row: ReadRow | undefined, known: number | null = null): ReadResult {
  return {
    total: known ?? (row?.total == null ? null : Number(row.total)),
    pageTotal: Number(row?.page_total ?? 0),
    body: row?.body ?? null,
    inserted: row?.inserted == null ? null : Number(row.inserted),
    plan: null,
  }
}

/** Runs a read over `source` (a table, a CTE or a function call) and returns the JSON body and counts. */
export async function executeRead(
  client: pg.PoolClient,
  params: Params,
  node: ReadNode,
  source: string,
  page: Page,
  opts: ReadOptions,
): Promise<ReadResult> {
  let known: number | null = null
  const plan = opts.media.plan
  if ((opts.count === 'planned' || opts.count === 'estimated') && !opts.prefix && !plan) {
    known = await plannedCount(client, node, source)
    // estimated: exact while the estimate is small, the planner's figure beyond max rows.
    const limit = opts.maxRows ?? null
    if (opts.count === 'estimated' && (limit === null || known <= limit)) known = null
  }
  const sql = readStatementSql(
    params,
    node,
    source,
    page,
    opts,
    opts.count !== null && known === null,
  )
  if (plan) {
    // The plan as PostgreSQL prints it (FORMAT JSON too, not re-serialised).
    const explained = await client.query<{ 'QUERY PLAN': string }>({
      text: `${explainPrefix(plan)}${sql}`,
      values: params.values,
      types: { getTypeParser: () => (value: string) => value },
    })
    // One row per line for FORMAT TEXT, one row for FORMAT JSON; each line ends in a newline.
    const lines = explained.rows.map((r) => r['QUERY PLAN'])
    return { total: null, pageTotal: 0, body: null, inserted: null, plan: `${lines.join('\n')}\n` }
  }
  const result = await client.query<ReadRow>(sql, params.values)
  return readResultOf(result.rows[0], known)
}

/** The answer to a plan request: the EXPLAIN output, 200, whatever the statement would answer. */
export function planResponse(r: RestRequest, result: ReadResult): RestResponse {
  return {
    status: 200,
    headers: { 'content-type': contentType(r.media) },
    body: result.plan ?? '',
  }
}

/** Turns a read result into PostgREST's response: status, Content-Range, single object or CSV. */
export function readResponse(
  r: RestRequest,
  result: ReadResult,
  page: Page,
  head: boolean,
): RestResponse {
  if (result.plan !== null) return planResponse(r, result)
  const { total, pageTotal } = result
  if (total !== null && page.offset > total) {
    throw new RestError(
      416,
      'PGRST103',
      'Requested range not satisfiable',
      `An offset of ${page.offset} was requested, but there are only ${total} rows.`,
      null,
      { 'content-range': `*/${total}` },
    )
  }
  const headers: Record<string, string> = {
    'content-type': contentType(r.media),
    'content-range': contentRange(page.offset, pageTotal, total),
    ...preferenceApplied(r.prefs, ['count']),
  }
  let status = total !== null && pageTotal < total ? 206 : 200
  let body = head ? '' : (result.body ?? '[]')
  if (r.media.kind === 'object') {
    if (pageTotal !== 1) throw singleObjectError(pageTotal)
    status = 200
    if (!head) body = unwrapSingle(body)
  }
  return { status, headers, body }
}

/** `[x]` → `x` without re-serialising (json_agg of one row). */
export function unwrapSingle(body: string): string {
  const trimmed = body.trim()
  return trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1).trim() : trimmed
}
