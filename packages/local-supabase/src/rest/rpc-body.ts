import type { IncomingMessage } from 'node:http'
import { JsonTextError, parseJsonText, readBody } from '../http/io.ts'
import { RestError } from './errors.ts'
import { bodyMediaType, bodyRefusal } from './request-body.ts'

/**
 * What a POST to `/rpc/fn` carries, read as PostgREST reads it: JSON (its keys name the
 * arguments; the text itself goes to PostgreSQL untouched, so numbers keep every digit), a form, or
 * a raw body (text/plain, text/xml, application/octet-stream) for a function of one unnamed
 * argument of type text, xml or bytea.
 */
export type RpcBody =
  | {
      source: 'json'
      /** JSON text as PostgreSQL receives it. */
      json: string
      /** Whether `json` is an array of objects (only its first object is used). */
      array: boolean
      keys: Set<string>
    }
  | { source: 'form'; pairs: Array<[string, string]>; keys: Set<string> }
  | { source: 'text' | 'xml'; text: string; keys: Set<string> }
  | { source: 'binary'; bytes: Buffer; keys: Set<string> }

const RAW_TYPES: Record<string, 'text' | 'xml' | 'binary'> = {
  'text/plain': 'text',
  'text/xml': 'xml',
  'application/octet-stream': 'binary',
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

function invalidBody(message: string, details: string | null = null): RestError {
  return new RestError(400, 'PGRST102', message, details)
}

function utf8(bytes: Buffer): string {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    throw invalidBody('Empty or invalid json', 'the body is not valid UTF-8')
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * PostgREST's reading of a JSON body: an object, or an array of objects with the same keys. With
 * `?columns=` those name the arguments and the JSON is passed on as it is.
 */
function jsonBody(raw: string, columns: string[] | null): RpcBody {
  // PostgREST reads an empty body as an object without keys.
  if (raw.trim() === '') return { source: 'json', json: '{}', array: false, keys: new Set() }
  let value: unknown
  try {
    value = parseJsonText(raw, { rejectUnstorableText: true })
  } catch (error) {
    throw bodyRefusal(error)
  }
  if (columns)
    return { source: 'json', json: raw, array: Array.isArray(value), keys: new Set(columns) }
  if (isObject(value))
    return { source: 'json', json: raw, array: false, keys: new Set(Object.keys(value)) }
  if (Array.isArray(value) && value.length > 0) {
    const first = value[0]
    if (!isObject(first)) throw invalidBody('All object keys must match')
    const keys = new Set(Object.keys(first))
    const uniform = value.every(
      (item) =>
        isObject(item) &&
        Object.keys(item).length === keys.size &&
        Object.keys(item).every((k) => keys.has(k)),
    )
    if (!uniform) throw invalidBody('All object keys must match')
    return { source: 'json', json: raw, array: true, keys }
  }
  // Anything else (a scalar, an empty array) reaches a whole-body argument as an empty array.
  return { source: 'json', json: '[]', array: false, keys: new Set() }
}

function formBody(raw: string): RpcBody {
  const pairs = [...new URLSearchParams(raw)]
  return { source: 'form', pairs, keys: new Set(pairs.map(([key]) => key)) }
}

/** Raw text must be text PostgreSQL can hold: valid UTF-8 without NUL characters. */
function rawText(bytes: Buffer): string {
  const text = utf8(bytes)
  if (text.includes('\0')) throw bodyRefusal(new JsonTextError('nul'))
  return text
}

/** Reads the body of a POST to `/rpc/fn`; refusals are 4xx PGRST102 before any SQL. */
export async function readRpcBody(
  req: IncomingMessage,
  limit: number,
  columns: string[] | null,
): Promise<RpcBody> {
  const type = bodyMediaType(req)
  const raw = RAW_TYPES[type]
  if (type !== 'application/json' && type !== 'application/x-www-form-urlencoded' && !raw) {
    req.resume()
    throw new RestError(400, 'PGRST102', `Content-Type not acceptable: ${type}`)
  }
  let bytes: Buffer
  try {
    bytes = await readBody(req, limit)
  } catch (error) {
    throw bodyRefusal(error)
  }
  if (raw === 'binary') return { source: 'binary', bytes, keys: new Set() }
  if (raw) return { source: raw, text: rawText(bytes), keys: new Set() }
  if (type === 'application/x-www-form-urlencoded') return formBody(rawText(bytes))
  return jsonBody(utf8(bytes), columns)
}
