import { RestError } from './errors.ts'
import { closestMatch } from './fuzzy-set.ts'
import {
  type FunctionArg,
  type FunctionInfo,
  relationKey,
  type SchemaCache,
} from './schema-cache.ts'

/** How the arguments arrive: the query string (GET/HEAD) or a POST body of this kind. */
export type ArgSource = 'query' | 'json' | 'form' | 'text' | 'xml' | 'binary'

/** The type a lone argument must have to take a raw body of each kind. */
const RAW_ARG_TYPES: Partial<Record<ArgSource, readonly string[]>> = {
  json: ['json', 'jsonb'],
  text: ['text'],
  xml: ['xml'],
  binary: ['bytea'],
}
const RAW_SOURCES = new Set<ArgSource>(['text', 'xml', 'binary'])
const RAW_SOURCE_NAMES: Partial<Record<ArgSource, string>> = {
  text: 'text',
  xml: 'xml',
  binary: 'bytea',
}

export interface CallRequest {
  schema: string
  name: string
  /** The argument names given (body keys or query parameters). */
  keys: Set<string>
  source: ArgSource
  /** `Prefer: params=single-object`: the whole JSON body is the one json/jsonb argument. */
  singleObject: boolean
}

/** The chosen function and how it is called: one positional argument, or the named ones given. */
export interface CallTarget {
  fn: FunctionInfo
  positional: FunctionArg | null
  named: FunctionArg[]
}

/** The functions `/rpc` can reach by this name (PostgREST's schema cache holds no others). */
function callableOverloads(
  cache: SchemaCache,
  schema: string,
  name: string,
): FunctionInfo[] {
  return (cache.functions.get(relationKey(schema, name)) ?? []).filter((fn) => fn.callable)
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((k) => b.has(k))
}

/** Whether the given names call `fn`: every required argument named, the rest optional ones. */
function matchesKeys(fn: FunctionInfo, call: CallRequest): boolean {
  if (call.singleObject) {
    return fn.args.length === 1 && RAW_ARG_TYPES.json?.includes(fn.args[0]?.typeName ?? '') === true
  }
  if (fn.args.length === 0) return call.keys.size === 0 && !RAW_SOURCES.has(call.source)
  const required = new Set(fn.args.filter((a) => !a.hasDefault).map((a) => a.name))
  const optional = new Set(fn.args.filter((a) => a.hasDefault).map((a) => a.name))
  const beyondOptional = new Set([...call.keys].filter((k) => !optional.has(k)))
  return sameSet(beyondOptional, required)
}

/** A function of one argument that a POST body of the matching kind can fill whole. */
function takesWholeBody(fn: FunctionInfo, call: CallRequest): boolean {
  const only = fn.args.length === 1 ? fn.args[0] : undefined
  if (!only) return false
  return RAW_ARG_TYPES[call.source]?.includes(only.typeName) === true
}

/**
 * PostgREST's choice among overloads: those whose argument names fit the keys; failing that, the
 * one-argument function a POST body fills whole. More than one is ambiguous (300 PGRST203), none is
 * 404 PGRST202.
 */
export function chooseFunction(cache: SchemaCache, call: CallRequest): CallTarget {
  const overloads = callableOverloads(cache, call.schema, call.name)
  const byKeys = overloads.filter((fn) => matchesKeys(fn, call))
  const wholeBody = overloads.filter((fn) => !matchesKeys(fn, call) && takesWholeBody(fn, call))
  const candidates = byKeys.length > 0 ? byKeys : wholeBody
  if (candidates.length > 1) throw ambiguous(candidates)
  const fn = candidates[0]
  if (!fn) throw notFound(cache, call, overloads)
  const only = fn.args.length === 1 ? fn.args[0] : undefined
  if (only && (call.singleObject || only.name === '')) return { fn, positional: only, named: [] }
  return { fn, positional: null, named: fn.args.filter((a) => call.keys.has(a.name)) }
}

/** `schema.fn(a => integer, b => text)`, as PostgREST lists candidates. */
function signature(fn: FunctionInfo): string {
  return `${fn.schema}.${fn.name}(${fn.args.map((a) => `${a.name} => ${a.type}`).join(', ')})`
}

function ambiguous(candidates: FunctionInfo[]): RestError {
  return new RestError(
    300,
    'PGRST203',
    `Could not choose the best candidate function between: ${candidates.map(signature).join(', ')}`,
    null,
    'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
  )
}

/** `(a, b, c)`: a parameter list sorted, for comparing what was sent with what exists. */
function nameList(names: string[]): string {
  return `(${[...names].sort().join(', ')})`
}

function notFoundHint(
  cache: SchemaCache,
  call: CallRequest,
  overloads: FunctionInfo[],
): string | null {
  const prefix = `Perhaps you meant to call the function ${call.schema}.`
  if (overloads.length === 0) {
    const names = new Set<string>()
    for (const fns of cache.functions.values()) {
      for (const fn of fns) if (fn.schema === call.schema && fn.callable) names.add(fn.name)
    }
    const guess = closestMatch(call.name, names, 0.75)
    return guess === null ? null : `${prefix}${guess}`
  }
  const lists = overloads.map((fn) => nameList(fn.args.map((a) => a.name)))
  const guess = closestMatch(nameList([...call.keys]), lists, 0.33)
  return guess === null ? null : `${prefix}${call.name}${guess}`
}

function notFound(cache: SchemaCache, call: CallRequest, overloads: FunctionInfo[]): RestError {
  const fn = `${call.schema}.${call.name}`
  const keys = [...call.keys].sort()
  if (call.singleObject) {
    return new RestError(
      404,
      'PGRST202',
      `Could not find the function ${fn} in the schema cache`,
      `Searched for the function ${fn} with a single json/jsonb parameter, but no matches were found in the schema cache.`,
      null,
    )
  }
  const rawType = RAW_SOURCE_NAMES[call.source]
  const withKeys = (text: string) => (keys.length === 0 ? ' without parameters' : text)
  const searched = rawType
    ? ` with a single unnamed ${rawType} parameter`
    : withKeys(` with parameter${keys.length > 1 ? 's' : ''} ${keys.join(', ')}`) +
      (call.source === 'json' ? ' or with a single unnamed json/jsonb parameter' : '')
  return new RestError(
    404,
    'PGRST202',
    `Could not find the function ${fn}${rawType ? '' : withKeys(`(${keys.join(', ')})`)} in the schema cache`,
    `Searched for the function ${fn}${searched}, but no matches were found in the schema cache.`,
    rawType ? null : notFoundHint(cache, call, overloads),
  )
}
