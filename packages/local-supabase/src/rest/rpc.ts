import type { RestRequest, RestResponse } from './context.ts'
import { settingsFor } from './context.ts'
import { RestError } from './errors.ts'
import { parseQuery } from './parse/query.ts'
import { countFor, executeRead, pageFor, readResponse } from './read.ts'
import { contentType } from './response.ts'
import {
  type FunctionArg,
  type FunctionInfo,
  type RelationInfo,
  relationKey,
  type SchemaCache,
} from './schema-cache.ts'
import { ident, Params, qualified } from './sql/quote.ts'
import { planRead } from './sql/read-sql.ts'
import { inRequestTransaction } from './transaction.ts'
import { toParam } from './write.ts'

const JSON_TYPES = new Set(['json', 'jsonb'])

function signature(fn: FunctionInfo): string {
  return `${fn.schema}.${fn.name}(${fn.args.map((a) => a.name || a.type).join(', ')})`
}

/** Picks the overload whose argument names fit the given keys (PostgREST's rule). */
function chooseFunction(
  cache: SchemaCache,
  schema: string,
  name: string,
  keys: string[],
  singleObject: boolean,
): { fn: FunctionInfo; wholeBody: FunctionArg | null } {
  const overloads = cache.functions.get(relationKey(schema, name)) ?? []
  const matches: Array<{ fn: FunctionInfo; wholeBody: FunctionArg | null }> = []
  for (const fn of overloads) {
    const only = fn.args.length === 1 ? fn.args[0] : undefined
    // One unnamed json/jsonb (or text/xml/bytea) argument takes the whole body, as does Prefer: params=single-object.
    if (only && JSON_TYPES.has(only.typeName) && (only.name === '' || singleObject)) {
      matches.push({ fn, wholeBody: only })
      continue
    }
    const names = fn.args.map((a) => a.name)
    if (!keys.every((k) => names.includes(k))) continue
    if (!fn.args.every((a) => a.hasDefault || keys.includes(a.name))) continue
    matches.push({ fn, wholeBody: null })
  }
  if (matches.length === 1) return matches[0] as { fn: FunctionInfo; wholeBody: FunctionArg | null }
  if (matches.length === 0) {
    const suggestion = overloads[0]
    throw new RestError(
      404,
      'PGRST202',
      `Could not find the function ${schema}.${name}${keys.length ? `(${keys.join(', ')})` : ' without parameters'} in the schema cache`,
      `Searched for the function ${schema}.${name}${keys.length ? ` with parameters ${keys.join(', ')}` : ' without parameters'} or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`,
      suggestion ? `Perhaps you meant to call the function ${signature(suggestion)}` : null,
    )
  }
  throw new RestError(
    300,
    'PGRST203',
    `Could not choose the best candidate function between: ${matches.map((m) => signature(m.fn)).join(', ')}`,
    null,
    'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
  )
}

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

/** POST /rpc/fn (JSON body of named arguments) and GET/HEAD /rpc/fn?arg=… (read-only). */
export async function handleRpc(
  r: RestRequest,
  cache: SchemaCache,
  name: string,
  body: unknown,
): Promise<RestResponse> {
  const readMethod = r.method === 'GET' || r.method === 'HEAD'
  const overloads = cache.functions.get(relationKey(r.schema, name)) ?? []
  const argNames = new Set(overloads.flatMap((fn) => fn.args.map((a) => a.name)).filter(Boolean))
  const params = new URLSearchParams(r.url.search)
  params.delete('apikey')
  const query = parseQuery(params, readMethod ? (key) => argNames.has(key) : () => false)
  let args: Record<string, unknown>
  if (readMethod) {
    args = Object.fromEntries(query.args)
  } else if (body === undefined) {
    args = {}
  } else if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    args = body as Record<string, unknown>
  } else {
    throw new RestError(
      400,
      'PGRST102',
      'Empty or invalid json',
      'Send the function arguments as a JSON object',
    )
  }
  const { fn, wholeBody } = chooseFunction(
    cache,
    r.schema,
    name,
    Object.keys(args),
    r.prefs.paramsSingleObject,
  )
  const p = new Params()
  const callArgs = wholeBody
    ? [`${p.bind(JSON.stringify(args))}::${wholeBody.type}`]
    : fn.args
        .filter((a) => Object.hasOwn(args, a.name))
        .map((a) => `${ident(a.name)} := ${p.bind(toParam(args[a.name], a.typeName))}::${a.type}`)
  const call = `${qualified(fn.schema, fn.name)}(${callArgs.join(', ')})`
  const readOnly = readMethod || fn.volatility !== 'volatile'
  const head = r.method === 'HEAD'
  const rollback = r.prefs.tx === 'rollback'
  return inRequestTransaction(
    r.pool,
    settingsFor(r, readOnly),
    async (client): Promise<RestResponse> => {
      if (fn.returnKind === 'void') {
        await client.query(`select ${call}`, p.values)
        return { status: 204, headers: {}, body: '' }
      }
      if (fn.returnKind === 'scalar') {
        const sql = fn.returnsSet
          ? `select coalesce(json_agg(_r.v), '[]')::text as body from ${call} as _r(v)`
          : `select to_json(${call})::text as body`
        const result = await client.query<{ body: string | null }>(sql, p.values)
        const text = result.rows[0]?.body ?? 'null'
        return {
          status: 200,
          headers: { 'content-type': contentType({ kind: 'array', stripNulls: false }) },
          body: head ? '' : text,
        }
      }
      const relation = resultRelation(cache, fn)
      const node = planRead(cache, relation, query)
      const page = pageFor(r, query)
      const result = await executeRead(client, p, node, call, page, {
        count: countFor(r),
        media: r.media,
        head,
        maxRows: r.config.maxRows,
      })
      if (!fn.returnsSet && r.media.kind === 'array' && !r.media.plan) {
        // A function returning one row answers an object, not an array.
        const response = readResponse(r, result, page, head)
        const rows = JSON.parse(result.body ?? '[]') as unknown[]
        return { ...response, status: 200, body: head ? '' : JSON.stringify(rows[0] ?? null) }
      }
      return readResponse(r, result, page, head)
    },
    rollback,
  )
}
