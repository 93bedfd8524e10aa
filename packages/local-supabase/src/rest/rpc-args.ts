import { OPERATORS } from './parse/filter.ts'
import type { RpcBody } from './rpc-body.ts'
import type { CallTarget } from './rpc-match.ts'
import type { FunctionArg } from './schema-cache.ts'
import { ident, type Params, qualified } from './sql/quote.ts'

const FILTER_OPERATORS = new Set<string>(OPERATORS)
const FTS_OPERATORS = new Set(['fts', 'plfts', 'phfts', 'wfts'])
const RESERVED = new Set(['select', 'columns', 'on_conflict'])
const MODIFIERS = new Set(['order', 'limit', 'offset', 'and', 'or'])

/** Whether a query value is a filter (`op.value`, `not.…`, `fts(lang).…`) rather than an argument. */
function looksLikeFilter(value: string): boolean {
  const parts = value.split('.')
  const head = parts[0] ?? ''
  if (head === 'not' && parts.length > 1) return true
  if (FILTER_OPERATORS.has(head)) return true
  const paren = value.indexOf('(')
  return paren !== -1 && FTS_OPERATORS.has(value.slice(0, paren))
}

/**
 * Splits the query string of a GET/HEAD `/rpc/fn` as PostgREST does: a plain `name=value` (no dot
 * in the name, no operator in the value, not a reserved word) is a function argument, everything
 * else shapes and filters the result. On POST every parameter shapes or filters (`?a=1` is a
 * filter there, and a malformed one, as in PostgREST).
 */
export function splitRpcQuery(
  search: string,
  argsInQuery: boolean,
): { args: Array<[string, string]>; rest: URLSearchParams } {
  const args: Array<[string, string]> = []
  const rest = new URLSearchParams()
  for (const [key, value] of new URLSearchParams(search)) {
    if (key === 'apikey') continue
    const last = key.split('.').at(-1) ?? key
    const shaping = RESERVED.has(key) || MODIFIERS.has(last)
    if (argsInQuery && !shaping && !key.includes('.') && !looksLikeFilter(value))
      args.push([key, value])
    else rest.append(key, value)
  }
  return { args, rest }
}

/** Arguments on their way to the call: JSON whose keys name them, or one raw value. */
export interface RpcArgs {
  json: string
  /** `json` is an array of objects: the first one is used. */
  array: boolean
  /** A raw body (text, xml, bytes) for the one unnamed argument. */
  raw: string | Buffer | null
}

/**
 * Query-string (or form) arguments as JSON: a repeated variadic argument becomes an array, any other
 * keeps its last value.
 */
export function pairArgs(args: Array<[string, string]>, variadic: Set<string>): RpcArgs {
  const out: Record<string, string | string[]> = {}
  for (const [key, value] of args) {
    if (!variadic.has(key)) out[key] = value
    else out[key] = [...((out[key] as string[] | undefined) ?? []), value]
  }
  return { json: JSON.stringify(out), array: false, raw: null }
}

export function bodyArgs(body: RpcBody, variadic: Set<string>): RpcArgs {
  if (body.source === 'form') return pairArgs(body.pairs, variadic)
  if (body.source === 'json') return { json: body.json, array: body.array, raw: null }
  return { json: '{}', array: false, raw: body.source === 'binary' ? body.bytes : body.text }
}

// Fixed-length types would pad or cut the value; PostgREST reads arguments as their varying kin.
const ARG_TYPES: Record<string, string> = {
  character: 'character varying',
  'character[]': 'character varying[]',
  bit: 'bit varying',
  'bit[]': 'bit varying[]',
}

function argType(arg: FunctionArg): string {
  return ARG_TYPES[arg.type] ?? arg.type
}

/**
 * The call, usable as a FROM item: `"schema"."fn"(…)`. Named arguments are read from the JSON with
 * `json_to_record` (as PostgREST does), so an object becomes a row-type argument, an array of
 * objects an array of rows, and every value is converted by PostgreSQL's own input rules.
 */
export function callExpression(target: CallTarget, args: RpcArgs, params: Params): string {
  const fn = qualified(target.fn.schema, target.fn.name)
  if (target.positional) {
    const value = params.bind(args.raw ?? args.json)
    return `${fn}(${value}::${target.positional.type})`
  }
  if (target.named.length === 0) return `${fn}()`
  const json = params.bind(args.json)
  const source = args.array ? 'json_to_recordset' : 'json_to_record'
  const list = target.named.map((arg) => {
    const name = ident(arg.name)
    const value = `(select _a.${name} from ${source}(${json}::json) as _a(${name} ${argType(arg)}) limit 1)`
    return `${arg.variadic ? 'variadic ' : ''}${name} := ${value}`
  })
  return `${fn}(${list.join(', ')})`
}
