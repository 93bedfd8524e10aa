import type { RestRequest, RestResponse } from './context.ts'
import { settingsFor } from './context.ts'
import { RestError } from './errors.ts'
import type { ParsedQuery } from './parse/query.ts'
import { executeRead, unwrapSingle } from './read.ts'
import { contentRange, contentType, singleObjectError, toCsv } from './response.ts'
import type { ColumnInfo, RelationInfo, SchemaCache } from './schema-cache.ts'
import { filterSql } from './sql/filter-sql.ts'
import { ident, Params, qualified } from './sql/quote.ts'
import { planRead } from './sql/read-sql.ts'
import { inRequestTransaction } from './transaction.ts'

/** Largest number of bound values one insert may use (Postgres allows 65535 per statement). */
const MAX_BOUND_VALUES = 60_000

type JsonObject = Record<string, unknown>

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function invalidBody(details: string): RestError {
  return new RestError(400, 'PGRST102', 'Empty or invalid json', details)
}

function unknownColumn(column: string, relation: RelationInfo): RestError {
  return new RestError(
    400,
    'PGRST204',
    `Could not find the '${column}' column of '${relation.name}' in the schema cache`,
    null,
    'Check the column name; the schema cache reloads after every migration.',
  )
}

function checkColumns(columns: string[], relation: RelationInfo): ColumnInfo[] {
  return columns.map((name) => {
    const column = relation.columns.get(name)
    if (!column) throw unknownColumn(name, relation)
    return column
  })
}

/** A JSON value as a text parameter for a column of the given type. */
export function toParam(value: unknown, typeName: string): unknown {
  if (value === null || value === undefined) return null
  if (typeName === 'json' || typeName === 'jsonb') return JSON.stringify(value)
  if (Array.isArray(value) && typeName.startsWith('_')) return value
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

function rowsOf(body: unknown): JsonObject[] {
  if (body === undefined)
    throw invalidBody('The request body is empty; send a JSON object or an array of objects')
  if (isObject(body)) return [body]
  if (Array.isArray(body)) {
    if (!body.every(isObject)) throw invalidBody('Every element of the array must be a JSON object')
    return body
  }
  throw invalidBody('Send a JSON object or an array of objects')
}

function insertColumns(rows: JsonObject[], query: ParsedQuery): string[] {
  if (query.columns) return query.columns
  const first = Object.keys(rows[0] ?? {})
  // A set keeps the check linear: a body may hold tens of thousands of keys.
  const expected = new Set(first)
  for (const row of rows) {
    const keys = Object.keys(row)
    if (keys.length !== expected.size || !keys.every((k) => expected.has(k))) {
      throw invalidBody('All object keys must match (or list them in the columns parameter)')
    }
  }
  return first
}

/** INSERT … (or upsert) for the body; `missing=default` fills absent keys with column defaults. */
function insertSql(
  r: RestRequest,
  relation: RelationInfo,
  rows: JsonObject[],
  query: ParsedQuery,
  params: Params,
): string {
  const table = qualified(relation.schema, relation.name)
  const columns = checkColumns(insertColumns(rows, query), relation)
  const list = columns.map((c) => ident(c.name)).join(', ')
  let sql: string
  if (columns.length === 0) {
    sql = `insert into ${table} select from generate_series(1, ${params.bind(rows.length)}::int)`
  } else if (r.prefs.missing === 'default') {
    if (rows.length * columns.length > MAX_BOUND_VALUES) {
      throw new RestError(
        413,
        'PGRST102',
        'Too many values in one request with missing=default',
        `Send at most ${MAX_BOUND_VALUES} values per request`,
      )
    }
    const values = rows.map(
      (row) =>
        `(${columns
          .map((c) =>
            Object.hasOwn(row, c.name)
              ? `${params.bind(toParam(row[c.name], c.typeName))}::${c.type}`
              : 'default',
          )
          .join(', ')})`,
    )
    sql = `insert into ${table} (${list}) values ${values.join(', ')}`
  } else {
    sql = `insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${params.bind(JSON.stringify(rows))}::json) as _p`
  }
  if (r.prefs.resolution) {
    const target = query.onConflict ?? relation.primaryKey
    if (target.length === 0) {
      throw new RestError(
        400,
        'PGRST102',
        `Upsert on '${relation.name}' needs a primary key or the on_conflict parameter`,
      )
    }
    checkColumns(target, relation)
    const conflict = target.map(ident).join(', ')
    const updates = columns.map((c) => `${ident(c.name)} = excluded.${ident(c.name)}`)
    sql +=
      r.prefs.resolution === 'ignore-duplicates' || updates.length === 0
        ? ` on conflict (${conflict}) do nothing`
        : ` on conflict (${conflict}) do update set ${updates.join(', ')}`
  } else if (query.onConflict) {
    checkColumns(query.onConflict, relation)
  }
  return sql
}

function updateSql(
  relation: RelationInfo,
  body: unknown,
  query: ParsedQuery,
  params: Params,
  filters: string[],
): string | null {
  if (!isObject(body)) throw invalidBody('PATCH expects a JSON object')
  const table = qualified(relation.schema, relation.name)
  const columns = checkColumns(query.columns ?? Object.keys(body), relation)
  if (columns.length === 0) return null
  const sets = columns.map((c) => `${ident(c.name)} = _p.${ident(c.name)}`).join(', ')
  const where = filters.length ? ` where ${filters.join(' and ')}` : ''
  return `update ${table} as t0 set ${sets} from json_populate_record(null::${table}, ${params.bind(JSON.stringify(body))}::json) as _p${where}`
}

function deleteSql(relation: RelationInfo, filters: string[]): string {
  const where = filters.length ? ` where ${filters.join(' and ')}` : ''
  return `delete from ${qualified(relation.schema, relation.name)} as t0${where}`
}

function locationFor(relation: RelationInfo, row: JsonObject | undefined): string | null {
  if (!row || relation.primaryKey.length === 0) return null
  const query = relation.primaryKey.map(
    (c) => `${encodeURIComponent(c)}=eq.${encodeURIComponent(String(row[c]))}`,
  )
  return `/${relation.name}?${query.join('&')}`
}

/**
 * PUT upserts exactly one row addressed by its whole primary key (`?id=eq.1`), as PostgREST does:
 * it becomes a merge-duplicates insert on the primary key, answered 200/204 instead of 201.
 */
function putAsUpsert(
  r: RestRequest,
  cache: SchemaCache,
  relation: RelationInfo,
  query: ParsedQuery,
  body: unknown,
): Parameters<typeof handleWrite> {
  const pk = relation.primaryKey
  const filters = query.filters.get('') ?? []
  const values = new Map<string, string>()
  for (const f of filters) {
    if (
      f.kind !== 'condition' ||
      f.op !== 'eq' ||
      f.negate ||
      f.modifier ||
      f.field.jsonPath.length
    )
      break
    values.set(f.field.column, f.value as string)
  }
  if (
    pk.length === 0 ||
    values.size !== filters.length ||
    values.size !== pk.length ||
    !pk.every((c) => values.has(c))
  ) {
    throw new RestError(
      405,
      'PGRST105',
      "Filters must include all and only primary key columns with 'eq' operators",
    )
  }
  const row = Array.isArray(body) && body.length === 1 ? body[0] : body
  if (!isObject(row)) throw invalidBody('PUT expects one JSON object')
  if (!pk.every((c) => Object.hasOwn(row, c) && String(row[c]) === values.get(c))) {
    throw new RestError(400, 'PGRST115', 'Payload values do not match URL in primary key column(s)')
  }
  const upsert: RestRequest = {
    ...r,
    method: 'POST',
    singleRowPut: true,
    prefs: { ...r.prefs, resolution: 'merge-duplicates', missing: null },
  }
  return [
    upsert,
    cache,
    relation,
    { ...query, filters: new Map(), onConflict: pk, columns: null },
    row,
  ]
}

/** POST (insert/upsert), PATCH (update) and DELETE on a table, in one transaction as the caller. */
export async function handleWrite(
  r: RestRequest,
  cache: SchemaCache,
  relation: RelationInfo,
  query: ParsedQuery,
  body: unknown,
): Promise<RestResponse> {
  const params = new Params()
  const top = query.filters.get('') ?? []
  const inserting = r.method === 'POST' || r.method === 'PUT'
  if (r.method === 'PUT') return handleWrite(...putAsUpsert(r, cache, relation, query, body))
  if (!inserting && top.length === 0) {
    // Hosted Supabase loads pg-safeupdate for API requests: a whole-table change needs a filter.
    const verb = r.method === 'PATCH' ? 'UPDATE' : 'DELETE'
    throw new RestError(
      400,
      '21000',
      `${verb} requires a WHERE clause`,
      null,
      'Add a filter; to change every row on purpose, use one that is always true (e.g. id=not.is.null).',
    )
  }
  const filters = inserting ? [] : top.map((f) => filterSql(f, 't0', relation, params))
  let mutation: string | null
  let rowCount = 0
  if (r.method === 'POST') {
    const rows = rowsOf(body)
    rowCount = rows.length
    mutation = rows.length === 0 ? null : insertSql(r, relation, rows, query, params)
  } else if (r.method === 'PATCH') {
    mutation = updateSql(relation, body, query, params, filters)
  } else {
    mutation = deleteSql(relation, filters)
  }
  const returning = r.prefs.return ?? 'minimal'
  const node = planRead(cache, relation, query, false)
  const applied: string[] = []
  if (r.prefs.return) applied.push(`return=${r.prefs.return}`)
  if (r.prefs.count) applied.push(`count=${r.prefs.count}`)
  if (r.method === 'POST' && r.prefs.resolution) applied.push(`resolution=${r.prefs.resolution}`)
  if (r.method === 'POST' && r.prefs.missing) applied.push(`missing=${r.prefs.missing}`)
  if (r.prefs.tx) applied.push(`tx=${r.prefs.tx}`)
  if (r.prefs.handling) applied.push(`handling=${r.prefs.handling}`)
  const strictMax = r.prefs.handling === 'strict' && r.prefs.maxAffected !== null
  if (strictMax) applied.push(`max-affected=${r.prefs.maxAffected}`)

  return inRequestTransaction(
    r.pool,
    settingsFor(r, false),
    async (client) => {
      let affected = 0
      let bodyText = '[]'
      let firstRow: JsonObject | undefined
      if (mutation !== null) {
        if (returning === 'representation') {
          const result = await executeRead(
            client,
            params,
            node,
            'pgrst_source',
            { limit: null, offset: 0 },
            {
              count: null,
              media: r.media,
              head: false,
              prefix: `with pgrst_source as (${mutation} returning ${inserting ? qualified(relation.schema, relation.name) : 't0'}.*)`,
            },
          )
          affected = result.pageTotal
          bodyText = result.body ?? '[]'
        } else if (
          returning === 'headers-only' &&
          r.method === 'POST' &&
          relation.primaryKey.length
        ) {
          const result = await client.query(
            `${mutation} returning ${relation.primaryKey.map(ident).join(', ')}`,
            params.values,
          )
          affected = result.rowCount ?? 0
          firstRow = result.rows[0]
        } else {
          const result = await client.query(mutation, params.values)
          affected = result.rowCount ?? 0
        }
      }
      if (strictMax && affected > (r.prefs.maxAffected as number)) {
        throw new RestError(
          400,
          'PGRST124',
          'Query result exceeds max-affected preference constraint',
          `The query affects ${affected} rows`,
        )
      }
      if (r.media.kind === 'object' && returning === 'representation' && affected !== 1) {
        // PostgREST rolls the write back when the single-object answer cannot be given.
        throw singleObjectError(affected)
      }
      const headers: Record<string, string> = {
        'content-range':
          returning === 'representation'
            ? contentRange(0, affected, r.prefs.count ? affected : null)
            : `*/${r.prefs.count ? affected : '*'}`,
      }
      if (applied.length) headers['preference-applied'] = applied.join(', ')
      if (inserting && rowCount === 1) {
        const location = locationFor(relation, firstRow)
        if (location) headers.location = location
      }
      if (returning !== 'representation') {
        return { status: r.method === 'POST' && !r.singleRowPut ? 201 : 204, headers, body: '' }
      }
      headers['content-type'] = contentType(r.media)
      let text = bodyText
      if (r.media.kind === 'object') text = unwrapSingle(text)
      else if (r.media.kind === 'csv') text = toCsv(JSON.parse(text) as JsonObject[], [])
      return { status: r.method === 'POST' && !r.singleRowPut ? 201 : 200, headers, body: text }
    },
    r.prefs.tx === 'rollback',
  )
}
