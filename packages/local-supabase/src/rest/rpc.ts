import type pg from 'pg'
import type { RestRequest, RestResponse } from './context.ts'
import { settingsFor } from './context.ts'
import { RestError } from './errors.ts'
import { parseQuery } from './parse/query.ts'
import { countFor, executeRead, type Page, pageFor, type ReadResult, readResponse } from './read.ts'
import { contentRange, contentType } from './response.ts'
import { bodyArgs, callExpression, pairArgs, splitRpcQuery } from './rpc-args.ts'
import { readRpcBody } from './rpc-body.ts'
import { type CallTarget, chooseFunction } from './rpc-match.ts'
import {
  type FunctionInfo,
  type RelationInfo,
  relationKey,
  type SchemaCache,
} from './schema-cache.ts'
import { Params } from './sql/quote.ts'
import { planRead } from './sql/read-sql.ts'
import { inRequestTransaction } from './transaction.ts'

const RPC_METHODS = new Set(['GET', 'HEAD', 'POST'])

/** The rows a composite-returning function yields, as a relation the read planner understands. */
function resultRelation(cache: SchemaCache, fn: FunctionInfo): RelationInfo {
  if (fn.returnRelation) {
    const rel = cache.relations.get(relationKey(fn.returnRelation.schema, fn.returnRelation.name))
    if (rel) return rel
  }
  return {
    schema: fn.schema,
    name: fn.name,
    kind: 'view',
    columns: new Map(fn.outColumns.map((c) => [c.name, c])),
    columnList: fn.outColumns,
    primaryKey: [],
    uniqueKeys: [],
    computed: new Map(),
    computedRelations: new Map(),
  }
}

/**
 * Counting reads the result twice (the page and the total); a volatile function must still run
 * once, so its rows are kept in a CTE. Rows of a table type are handed on as that type (unnest of
 * an array of them), so computed columns and relationships still apply to them.
 */
function runOnce(fn: FunctionInfo, call: string): { prefix: string; source: string } {
  if (fn.returnRelation) {
    return {
      prefix: `with pgrst_call as materialized (select _c from ${call} as _c)`,
      source: 'unnest(array(select _c from pgrst_call))',
    }
  }
  return { prefix: `with pgrst_call as materialized (select * from ${call})`, source: 'pgrst_call' }
}

/** `Preference-Applied` of a function call, in PostgREST's order. */
function appliedPreferences(r: RestRequest): string | null {
  const applied: string[] = []
  if (r.prefs.count) applied.push(`count=${r.prefs.count}`)
  if (r.prefs.tx) applied.push(`tx=${r.prefs.tx}`)
  if (r.prefs.handling) applied.push(`handling=${r.prefs.handling}`)
  if (r.prefs.handling === 'strict' && r.prefs.maxAffected !== null)
    applied.push(`max-affected=${r.prefs.maxAffected}`)
  return applied.length ? applied.join(', ') : null
}

/** `Prefer: handling=strict, max-affected=N`: more result rows than N roll the call back (PGRST124). */
function checkMaxAffected(r: RestRequest, rows: number): void {
  const max = r.prefs.maxAffected
  if (r.prefs.handling !== 'strict' || max === null || rows <= max) return
  throw new RestError(
    400,
    'PGRST124',
    'Query result exceeds max-affected preference constraint',
    `The query affects ${rows} rows`,
  )
}

/** One value (or none, for void): one row, so `Content-Range: 0-0/*` (`0-0/1` when counted). */
async function callScalar(
  r: RestRequest,
  client: pg.PoolClient,
  fn: FunctionInfo,
  call: string,
  params: Params,
): Promise<RestResponse> {
  const total = r.prefs.count ? 1 : null
  const headers: Record<string, string> = { 'content-range': contentRange(0, 1, total) }
  if (fn.returnKind === 'void') {
    await client.query(`select ${call}`, params.values)
    checkMaxAffected(r, 1)
    return { status: 204, headers, body: '' }
  }
  const result = await client.query<{ body: string | null }>(
    `select to_json(${call})::text as body`,
    params.values,
  )
  checkMaxAffected(r, 1)
  headers['content-type'] = contentType(
    r.media.kind === 'object' ? r.media : { kind: 'array', stripNulls: false },
  )
  return { status: 200, headers, body: r.method === 'HEAD' ? '' : (result.rows[0]?.body ?? 'null') }
}

/** A set of values: paged and counted like rows, answered as a JSON array of them. */
async function callScalarSet(
  r: RestRequest,
  client: pg.PoolClient,
  call: string,
  params: Params,
  page: Page,
): Promise<ReadResult> {
  const limit = page.limit === null ? '' : ` limit ${params.bind(page.limit)}`
  const offset = page.offset ? ` offset ${params.bind(page.offset)}` : ''
  // The call runs once (a CTE used twice is computed once), whatever is counted.
  const sql = `with pgrst_source as (select pgrst_call.v from ${call} as pgrst_call(v)),
pgrst_page as (select v from pgrst_source${limit}${offset})
select ${r.prefs.count ? '(select count(*) from pgrst_source)' : 'null'}::bigint as total,
  (select count(*) from pgrst_page)::bigint as page_total,
  (select coalesce(json_agg(v), '[]')::text from pgrst_page) as body`
  const result = await client.query<{ total: string | null; page_total: string; body: string }>(
    sql,
    params.values,
  )
  const row = result.rows[0]
  return {
    total: row?.total == null ? null : Number(row.total),
    pageTotal: Number(row?.page_total ?? 0),
    body: row?.body ?? '[]',
    inserted: null,
    plan: null,
  }
}

/** POST /rpc/fn (JSON, form or raw body) and GET/HEAD /rpc/fn?arg=… (read-only), as PostgREST answers them. */
export async function handleRpc(
  r: RestRequest,
  cache: SchemaCache,
  name: string,
): Promise<RestResponse> {
  if (!RPC_METHODS.has(r.method)) {
    throw new RestError(405, 'PGRST101', `Cannot use the ${r.method} method on RPC`)
  }
  const readMethod = r.method !== 'POST'
  const split = splitRpcQuery(r.url.search, readMethod)
  const query = parseQuery(split.rest)
  const body = readMethod ? null : await readRpcBody(r.req, r.config.maxBodyBytes, query.columns)
  const target: CallTarget = chooseFunction(cache, {
    schema: r.schema,
    name,
    keys: body ? body.keys : new Set(split.args.map(([key]) => key)),
    source: body ? body.source : 'query',
    singleObject: !readMethod && r.prefs.paramsSingleObject,
  })
  const { fn } = target
  const variadic = new Set(fn.args.filter((a) => a.variadic).map((a) => a.name))
  const args = body ? bodyArgs(body, variadic) : pairArgs(split.args, variadic)
  const params = new Params()
  const call = callExpression(target, args, params)
  const readOnly = readMethod || fn.volatility !== 'volatile'
  const head = r.method === 'HEAD'
  // PostgREST reads the Range header of a GET only (not of a HEAD or POST to a function).
  const page = pageFor(r, query, r.method === 'GET')
  const preferences = appliedPreferences(r)
  const response = await inRequestTransaction(
    r.pool,
    settingsFor(r, readOnly),
    async (client): Promise<RestResponse> => {
      if (fn.returnKind !== 'composite' && !fn.returnsSet) {
        return callScalar(r, client, fn, call, params)
      }
      let result: ReadResult
      if (fn.returnKind !== 'composite') {
        result = await callScalarSet(r, client, call, params, page)
      } else {
        const node = planRead(cache, resultRelation(cache, fn), query)
        const count = countFor(r)
        const once = count !== null && fn.volatility === 'volatile' ? runOnce(fn, call) : null
        result = await executeRead(client, params, node, once?.source ?? call, page, {
          count,
          media: r.media,
          head,
          maxRows: r.config.maxRows,
          ...(once ? { prefix: once.prefix } : {}),
        })
      }
      const answer = readResponse(r, result, page, head)
      checkMaxAffected(r, result.pageTotal)
      if (fn.returnsSet || r.media.kind !== 'array' || r.media.plan) return answer
      // A function returning one row answers an object, not an array.
      const rows = JSON.parse(result.body ?? '[]') as unknown[]
      return { ...answer, status: 200, body: head ? '' : JSON.stringify(rows[0] ?? null) }
    },
    r.prefs.tx === 'rollback',
  )
  if (preferences) response.headers['preference-applied'] = preferences
  return response
}
