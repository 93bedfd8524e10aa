import type { RestRequest, RestResponse } from './context.ts'
import { settingsFor } from './context.ts'
import { RestError } from './errors.ts'
import { preferenceApplied } from './parse/prefer.ts'
import type { ParsedQuery } from './parse/query.ts'
import { executeRead, planResponse, unwrapSingle } from './read.ts'
import { contentRange, contentType, singleObjectError } from './response.ts'
import type { ColumnInfo, RelationInfo, SchemaCache } from './schema-cache.ts'
import { filterSql } from './sql/filter-sql.ts'
import { ident, Params, qualified } from './sql/quote.ts'
import { planRead } from './sql/read-sql.ts'
import { inRequestTransaction } from './transaction.ts'

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

/**
 * `Prefer: missing=default`, as PostgREST builds it: every object is merged over a JSON object of
 * the insert columns' DEFAULT expressions, so a default runs once per row whether or not that row
 * carries its own value (a sequence advances for every row), and the merged rows are read back
 * with the columns' types.
 */
function withDefaultsSql(
  table: string,
  columns: ColumnInfo[],
  rows: JsonObject[],
  params: Params,
): string {
  const defaults = columns
    .filter((c) => c.defaultExpr)
    .map((c) => `${params.bind(c.name)}::text, ${c.defaultExpr}`)
  const list = columns.map((c) => ident(c.name)).join(', ')
  const typed = columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ')
  const merged = `(select jsonb_agg(jsonb_build_object(${defaults.join(', ')}) || pgrst_elem) from jsonb_array_elements(${params.bind(JSON.stringify(rows))}::jsonb) as pgrst_elem)`
  return `insert into ${table} (${list}) select ${list} from jsonb_to_recordset(${merged}) as _p(${typed})`
}

/** INSERT … (or upsert) for the body; `missing=default` fills absent keys with column defaults. */
function insertSql(
  r: RestRequest,
  relation: RelationInfo,
  rows: JsonObject[],
  query: ParsedQuery,
  params: Params,
  trackInserts: boolean,
): string {
  const table = qualified(relation.schema, relation.name)
  const columns = checkColumns(insertColumns(rows, query), relation)
  const list = columns.map((c) => ident(c.name)).join(', ')
  let sql: string
  if (columns.length === 0) {
    sql = `insert into ${table} select from generate_series(1, ${params.bind(rows.length)}::int)`
  } else if (r.prefs.missing === 'default') {
    sql = withDefaultsSql(table, columns, rows, params)
  } else {
    sql = `insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${params.bind(JSON.stringify(rows))}::json) as _p`
  }
  if (trackInserts) sql += ` where ${countInserted('+')}`
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
        : ` on conflict (${conflict}) do update set ${updates.join(', ')}${trackInserts ? ` where ${countInserted('-')}` : ''}`
  } else if (query.onConflict) {
    checkColumns(query.onConflict, relation)
  }
  return sql
}

/**
 * PostgREST's count of the rows an upsert inserted: every row the insert reads adds one to the
 * transaction-local `pgrst.inserted`, every row `on conflict do update` updates takes one away.
 * It works for tables and views alike and needs no RETURNING.
 */
const INSERTED_SETTING = `nullif(current_setting('pgrst.inserted', true), '')`
const countInserted = (step: '+' | '-') =>
  `set_config('pgrst.inserted', (coalesce(${INSERTED_SETTING}::int, 0) ${step} 1)::text, true) <> '${step === '+' ? '0' : '-1'}'`
export const INSERTED_SQL = `${INSERTED_SETTING}::bigint`

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
  // PostgREST answers 200 instead of 201 when a merge-duplicates upsert only updated rows, and a
  // PUT 201 or 200 by whether its row was new: both need to know how many rows were inserted.
  const tracksInserts =
    r.method === 'POST' && (r.prefs.resolution === 'merge-duplicates' || r.singleRowPut === true)
  let mutation: string | null
  let rowCount = 0
  if (r.method === 'POST') {
    const rows = rowsOf(body)
    rowCount = rows.length
    mutation = rows.length === 0 ? null : insertSql(r, relation, rows, query, params, tracksInserts)
  } else if (r.method === 'PATCH') {
    mutation = updateSql(relation, body, query, params, filters)
  } else {
    mutation = deleteSql(relation, filters)
  }
  const returning = r.prefs.return ?? 'minimal'
  const node = planRead(cache, relation, query, false)
  const upsertTarget = r.method === 'POST' && (relation.primaryKey.length > 0 || query.onConflict)
  const applied = preferenceApplied(
    { ...r.prefs, resolution: upsertTarget && !r.singleRowPut ? r.prefs.resolution : null },
    r.method === 'POST'
      ? r.singleRowPut
        ? ['return', 'count']
        : ['resolution', 'missing', 'return', 'count']
      : r.method === 'PATCH'
        ? ['missing', 'return', 'count', 'maxAffected']
        : ['return', 'count', 'maxAffected'],
  )
  const strictMax =
    r.method !== 'POST' && r.prefs.handling === 'strict' && r.prefs.maxAffected !== null
  const representation = returning === 'representation' || r.media.plan !== undefined

  return inRequestTransaction(
    r.pool,
    settingsFor(r, false),
    async (client) => {
      let affected = 0
      let inserted = 0
      let bodyText = '[]'
      let firstRow: JsonObject | undefined
      if (mutation !== null && representation) {
        const table = inserting ? qualified(relation.schema, relation.name) : 't0'
        const prefix = `with pgrst_source as (${mutation} returning ${table}.*)`
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
            prefix,
            ...(tracksInserts ? { inserted: INSERTED_SQL } : {}),
          },
        )
        if (result.plan !== null) return planResponse(r, result)
        affected = result.pageTotal
        inserted = result.inserted ?? 0
        bodyText = result.body ?? '[]'
      } else if (mutation !== null) {
        const keys =
          returning === 'headers-only' && r.method === 'POST' ? relation.primaryKey.map(ident) : []
        const result = await client.query<JsonObject>(
          keys.length ? `${mutation} returning ${keys.join(', ')}` : mutation,
          params.values,
        )
        affected = result.rowCount ?? 0
        if (keys.length) firstRow = result.rows[0]
        if (tracksInserts) {
          const counter = await client.query<{ n: string | null }>(`select ${INSERTED_SQL} as n`)
          inserted = Number(counter.rows[0]?.n ?? 0)
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
      const counted = r.prefs.count === 'exact' || r.prefs.count === 'estimated'
      const headers: Record<string, string> = {
        // As PostgREST writes it: a range only for updates; inserts and deletes give the total.
        'content-range':
          r.method === 'PATCH'
            ? contentRange(0, affected, counted ? affected : null)
            : `*/${counted ? affected : '*'}`,
        ...applied,
      }
      if (inserting && rowCount === 1) {
        const location = locationFor(relation, firstRow)
        if (location) headers.location = location
      }
      const status = writeStatus(r, returning, tracksInserts ? inserted : null)
      if (returning !== 'representation') return { status, headers, body: '' }
      headers['content-type'] = contentType(r.media)
      const text = r.media.kind === 'object' ? unwrapSingle(bodyText) : bodyText
      return { status, headers, body: text }
    },
    r.prefs.tx === 'rollback',
  )
}

/**
 * PostgREST's statuses: an insert is 201, except a merge-duplicates upsert that inserted nothing
 * (200); a PUT is 201 when its row was new and 200 when it replaced one (204 without a body);
 * updates and deletes are 200 with a body, else 204.
 */
function writeStatus(
  r: RestRequest,
  returning: NonNullable<RestRequest['prefs']['return']>,
  inserted: number | null,
): number {
  if (r.singleRowPut) return returning === 'representation' ? (inserted ? 201 : 200) : 204
  if (r.method === 'POST') {
    return inserted === 0 && r.prefs.resolution === 'merge-duplicates' ? 200 : 201
  }
  return returning === 'representation' ? 200 : 204
}
