import type { IncomingMessage, ServerResponse } from 'node:http'
import type { CorsPolicy } from './cors-origins.ts'

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body exceeds the limit of ${limit} bytes`)
  }
}

export class InvalidJsonError extends Error {
  constructor(detail: string) {
    super(`Invalid JSON in request body: ${detail}`)
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

/** Parses a JSON body; an empty body is `undefined`. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const raw = (await readBody(req, limit)).toString('utf8')
  if (raw.trim() === '') return undefined
  try {
    return JSON.parse(raw)
  } catch (error) {
    throw new InvalidJsonError((error as Error).message)
  }
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
