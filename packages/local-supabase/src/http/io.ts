import type { IncomingMessage, ServerResponse } from 'node:http'
import type { CorsPolicy } from './cors-origins.ts'

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body exceeds the limit of ${limit} bytes`)
  }
}

/** A body the JSON reader refuses; subclasses name refusals of valid JSON it cannot pass on. */
export class InvalidJsonError extends Error {
  constructor(
    readonly detail: string,
    message = `Invalid JSON in request body: ${detail}`,
  ) {
    super(message)
  }
}

/**
 * Deepest nesting of arrays and objects a body may have. Rows, function arguments and user
 * metadata nest a handful of levels; the encoders behind the reader (JSON.stringify, PostgreSQL's
 * json parser) fail only thousands of levels down, so 128 is far from both.
 */
export const MAX_JSON_DEPTH = 128

export class JsonTooDeepError extends InvalidJsonError {
  constructor(readonly limit: number) {
    super(
      `nested deeper than ${limit} levels`,
      `JSON body nests arrays and objects deeper than the limit of ${limit} levels`,
    )
  }
}

/**
 * With `rejectUnstorableText`: a string or key PostgreSQL cannot hold (a NUL) or UTF-8 cannot
 * encode (an unpaired surrogate).
 */
export class JsonTextError extends InvalidJsonError {
  constructor(readonly problem: 'nul' | 'surrogate') {
    super(
      problem === 'nul' ? 'a string with a NUL character' : 'a string with an unpaired surrogate',
      problem === 'nul'
        ? 'JSON body has a string with a NUL character (\\u0000), which PostgreSQL text cannot hold'
        : 'JSON body has a string with an unpaired surrogate (\\ud800-\\udfff), not valid Unicode',
    )
  }
}

/** Reads the whole body, refusing (and draining) anything over `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > limit) {
      req.resume()
      reject(new BodyTooLargeError(limit))
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let failed = false
    req.on('data', (chunk: Buffer) => {
      if (failed) return
      size += chunk.length
      if (size > limit) {
        failed = true
        reject(new BodyTooLargeError(limit))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks))
    })
    req.on('error', (error) => {
      if (!failed) reject(error)
    })
  })
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const BAD_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const SUSPECT_TEXT = /[\0\uD800-\uDFFF]/

function checkText(text: string): void {
  // The cheap scan rules out almost every string; pairs are told apart only when one is found.
  if (!SUSPECT_TEXT.test(text)) return
  const bad = BAD_TEXT.exec(text)
  if (bad) throw new JsonTextError(bad[0] === '\0' ? 'nul' : 'surrogate')
}

/**
 * Walks a parsed body with an explicit stack (so depth cannot overflow the call stack), checking
 * the nesting depth and, with `checkStrings`, every key and string once.
 */
function checkJsonTree(root: unknown, maxDepth: number, checkStrings: boolean): void {
  const check = checkStrings ? checkText : () => {}
  const pending: unknown[] = [root]
  const depths: number[] = [0]
  while (pending.length > 0) {
    const value = pending.pop()
    const depth = depths.pop() as number
    if (typeof value === 'string') {
      check(value)
      continue
    }
    if (typeof value !== 'object' || value === null) continue
    if (depth >= maxDepth) throw new JsonTooDeepError(maxDepth)
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1)
      continue
    }
    for (const key in value) {
      check(key)
      visit((value as Record<string, unknown>)[key], depth + 1)
    }
  }

  // Strings are checked at once; only containers wait on the stack.
  function visit(item: unknown, depth: number): void {
    if (typeof item === 'string') check(item)
    else if (typeof item === 'object' && item !== null) {
      pending.push(item)
      depths.push(depth)
    }
  }
}

export interface JsonBodyOptions {
  /** Refuse NULs and unpaired surrogates in strings and keys (JsonTextError). */
  rejectUnstorableText?: boolean
}

/**
 * Parses a JSON body; an empty body is `undefined`. The body must be UTF-8 (never decoded with
 * U+FFFD) and nest at most `MAX_JSON_DEPTH` levels, so no encoder downstream can overflow; with
 * `rejectUnstorableText` it must also hold only text PostgreSQL can store.
 */
export async function readJsonBody(
  req: IncomingMessage,
  limit: number,
  options: JsonBodyOptions = {},
): Promise<unknown> {
  const bytes = await readBody(req, limit)
  let raw: string
  try {
    raw = strictUtf8.decode(bytes)
  } catch {
    throw new InvalidJsonError('the body is not valid UTF-8')
  }
  if (raw.trim() === '') return undefined
  return parseJsonText(raw, options)
}

/** Parses JSON text under the same rules as `readJsonBody` (depth, and text with `rejectUnstorableText`). */
export function parseJsonText(raw: string, options: JsonBodyOptions = {}): unknown {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch (error) {
    throw new InvalidJsonError((error as Error).message)
  }
  checkJsonTree(value, MAX_JSON_DEPTH, options.rejectUnstorableText ?? false)
  return value
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = body === undefined ? '' : JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    ...headers,
  })
  res.end(payload)
}

/**
 * CORS for the apps' browser code: only origins the policy allows get a grant (echoed, with
 * credentials); any other origin gets no `access-control-allow-*` header at all, so the browser
 * keeps the answer from the page. Answers preflights (true: the response is complete).
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, policy: CorsPolicy): boolean {
  res.setHeader('vary', 'Origin')
  const origin = req.headers.origin
  const pathname = new URL(req.url ?? '/', 'http://local').pathname
  const granted = typeof origin === 'string' && !policy.isExempt(pathname) && policy.allows(origin)
  if (granted) {
    res.setHeader('access-control-allow-origin', origin)
    res.setHeader('access-control-allow-credentials', 'true')
    res.setHeader(
      'access-control-expose-headers',
      'content-range, content-location, location, preference-applied, x-supabase-api-version, range-unit, x-total-count, link',
    )
  }
  if (req.method === 'OPTIONS') {
    if (granted) {
      res.setHeader('access-control-allow-methods', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS')
      res.setHeader(
        'access-control-allow-headers',
        req.headers['access-control-request-headers'] ??
          'authorization, apikey, content-type, prefer, range, x-client-info, accept-profile, content-profile, x-supabase-api-version',
      )
      res.setHeader('access-control-max-age', '86400')
    }
    res.writeHead(204)
    res.end()
    return true
  }
  return false
}
