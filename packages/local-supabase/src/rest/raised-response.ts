/**
 * `RAISE SQLSTATE 'PGRST'`: a function writes the whole error answer itself, as PostgREST allows.
 * MESSAGE is a JSON object `{code, message, details?, hint?}` (the body); DETAIL is a JSON object
 * `{status, status_text?, headers}` (the status line and extra headers).
 */
export interface RaisedResponse {
  status: number
  statusText: string | null
  headers: Record<string, string>
  code: string
  message: string
  details: string | null
  hint: string | null
}

export type RaisedResponseResult =
  | { ok: true; response: RaisedResponse }
  | { ok: false; details: string; hint: string }

const MESSAGE_HINT =
  'MESSAGE must be a JSON object with string "code" and "message" and optional string "details" and "hint"'
const DETAIL_HINT =
  'DETAIL must be a JSON object with an integer "status" (100-599), an object "headers" of string values and an optional string "status_text"'

// What HTTP/1.1 lets a header name and value, and a status line's reason phrase, carry.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/
const REASON_PHRASE = /^[\t\x20-\x7e]+$/
// The server frames the body itself.
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding'])

type JsonObject = Record<string, unknown>

function parseObject(text: string | undefined): JsonObject | null {
  if (text === undefined) return null
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as JsonObject)
      : null
  } catch {
    return null
  }
}

const optionalText = (value: unknown): value is string | null | undefined =>
  value === undefined || value === null || typeof value === 'string'

/** A status line's reason phrase when HTTP can carry it, else none (the default is sent). */
export function reasonPhrase(text: string | null | undefined): string | null {
  return text && REASON_PHRASE.test(text) ? text : null
}

export function readRaisedResponse(
  message: string,
  detail: string | undefined,
): RaisedResponseResult {
  const body = parseObject(message)
  if (
    !body ||
    typeof body.code !== 'string' ||
    typeof body.message !== 'string' ||
    !optionalText(body.details) ||
    !optionalText(body.hint)
  ) {
    return {
      ok: false,
      details: `MESSAGE is not the JSON object expected: ${message}`,
      hint: MESSAGE_HINT,
    }
  }
  if (detail === undefined) {
    return { ok: false, details: 'DETAIL is missing in the RAISE statement', hint: DETAIL_HINT }
  }
  const head = parseObject(detail)
  const rawHeaders = head?.headers
  if (
    !head ||
    !Number.isInteger(head.status) ||
    (head.status as number) < 100 ||
    (head.status as number) > 599 ||
    !optionalText(head.status_text) ||
    typeof rawHeaders !== 'object' ||
    rawHeaders === null ||
    Array.isArray(rawHeaders) ||
    !Object.values(rawHeaders).every((v) => typeof v === 'string')
  ) {
    return {
      ok: false,
      details: `DETAIL is not the JSON object expected: ${detail}`,
      hint: DETAIL_HINT,
    }
  }
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(rawHeaders as Record<string, string>)) {
    if (!HEADER_NAME.test(name) || !HEADER_VALUE.test(value)) {
      return {
        ok: false,
        details: `DETAIL has a header HTTP cannot carry: ${JSON.stringify(name)}`,
        hint: 'Header names are tokens; values have no line breaks or other control characters',
      }
    }
    const key = name.toLowerCase()
    if (!FRAMING_HEADERS.has(key)) headers[key] = value
  }
  return {
    ok: true,
    response: {
      status: head.status as number,
      statusText: reasonPhrase(head.status_text as string | null | undefined),
      headers,
      code: body.code,
      message: body.message,
      details: (body.details as string | null | undefined) ?? null,
      hint: (body.hint as string | null | undefined) ?? null,
    },
  }
}
