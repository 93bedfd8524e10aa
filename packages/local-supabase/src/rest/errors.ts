import { readRaisedResponse, reasonPhrase } from './raised-response.ts'

/** `details` is text, except where PostgREST answers a list (PGRST201's candidate relationships). */
export type ErrorDetails = string | null | ReadonlyArray<Readonly<Record<string, string>>>

/** An error answered in PostgREST's shape: `{code, details, hint, message}` with its HTTP status. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetails = null,
    readonly hint: string | null = null,
    readonly headers: Record<string, string> = {},
    /** The status line's reason phrase; null sends the standard one. */
    readonly statusText: string | null = null,
  ) {
    super(message)
  }

  toJson() {
    return { code: this.code, details: this.details, hint: this.hint, message: this.message }
  }
}

/** PGRST100: the query string could not be parsed. */
export function parseError(message: string, details: string | null = null): RestError {
  return new RestError(400, 'PGRST100', message, details)
}

export interface PgErrorLike {
  code?: string
  message: string
  detail?: string
  hint?: string
}

export function isPgError(error: unknown): error is PgErrorLike {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as PgErrorLike).code === 'string' &&
    /^[0-9A-Z]{5}$/.test((error as PgErrorLike).code ?? '')
  )
}

/** PostgREST's mapping from SQLSTATE to HTTP status (Error.hs). */
export function statusForSqlState(code: string, anonymous: boolean): number {
  if (code === '42501') return anonymous ? 401 : 403
  if (code === '23503' || code === '23505' || code === '23P01') return 409
  if (code === '25006') return 405
  if (code === '42883' || code === '42P01') return 404
  if (code === '42P17') return 500
  if (code === 'P0001') return 400
  const cls = code.slice(0, 2)
  switch (cls) {
    case '08':
    case '53':
      return 503
    case '0L':
    case '0P':
    case '28':
      return 403
    case '54':
      return 413
    case '09':
    case '25':
    case '2D':
    case '38':
    case '39':
    case '3B':
    case '40':
    case '55':
    case '57':
    case '58':
    case 'P0':
    case 'XX':
      return 500
    case 'PT': {
      // RAISE with SQLSTATE 'PT404' sets the HTTP status, as in PostgREST.
      const status = Number(code.slice(2))
      return status >= 100 && status <= 599 ? status : 500
    }
    default:
      return 400
  }
}

/** `RAISE SQLSTATE 'PGRST'`: the function wrote the answer; one it wrote wrongly is PGRST121. */
function fromRaisedResponse(error: PgErrorLike): RestError {
  const raised = readRaisedResponse(error.message, error.detail)
  if (!raised.ok) {
    return new RestError(
      500,
      'PGRST121',
      `The "RAISE SQLSTATE 'PGRST'" error could not be read`,
      raised.details,
      raised.hint,
    )
  }
  const r = raised.response
  return new RestError(r.status, r.code, r.message, r.details, r.hint, r.headers, r.statusText)
}

export function fromPgError(error: PgErrorLike, anonymous: boolean): RestError {
  const code = error.code ?? 'XX000'
  if (code === 'PGRST') return fromRaisedResponse(error)
  const status = statusForSqlState(code, anonymous)
  return new RestError(
    status,
    code,
    error.message,
    error.detail ?? null,
    error.hint ?? null,
    status === 401 ? { 'www-authenticate': 'Bearer' } : {},
    // A PTxyz error's message is also the status line's reason phrase, as PostgREST sends it.
    code.startsWith('PT') ? reasonPhrase(error.message) : null,
  )
}
