import type { PostgrestError } from '@supabase/supabase-js'

/**
 * Every repository failure: `code` is PostgREST's / Postgres's / Auth's code or one of ours;
 * `status` is the HTTP status of the failed call (0 when the API could not be reached at all), so
 * callers can tell an outage from a refusal.
 */
export class RepositoryError extends Error {
  readonly code: string
  readonly details: string | null
  readonly hint: string | null
  readonly status: number | null
  constructor(
    message: string,
    code: string,
    details: string | null = null,
    hint: string | null = null,
    status: number | null = null,
  ) {
    super(message)
    this.name = 'RepositoryError'
    this.code = code
    this.details = details
    this.hint = hint
    this.status = status
  }
}

/** The row does not exist or RLS hides it from the caller (the two are indistinguishable). */
export class NotFoundError extends RepositoryError {
  readonly entity: string
  readonly id: string
  constructor(entity: string, id: string) {
    super(`${entity} ${id} was not found`, 'not_found')
    this.name = 'NotFoundError'
    this.entity = entity
    this.id = id
  }
}

/** Bad input, rejected before anything is sent to the database. */
export class ValidationError extends RepositoryError {
  readonly field: string
  constructor(field: string, problem: string) {
    super(`${field} ${problem}`, 'invalid_input')
    this.name = 'ValidationError'
    this.field = field
  }
}

/** RLS or a privilege check refused the operation. */
export class PermissionError extends RepositoryError {
  constructor(message: string, code: string, status: number | null = null) {
    super(message, code, null, null, status)
    this.name = 'PermissionError'
  }
}

const PERMISSION_CODES = new Set(['42501', 'PGRST301', 'PGRST302'])

/** Wraps a PostgREST error so callers only ever see RepositoryError subclasses. */
export function fromPostgrestError(
  error: PostgrestError,
  action: string,
  status: number | null = null,
): RepositoryError {
  const message = `${action} failed: ${error.message}`
  if (PERMISSION_CODES.has(error.code)) return new PermissionError(message, error.code, status)
  return new RepositoryError(
    message,
    error.code || 'unknown',
    error.details || null,
    error.hint || null,
    status,
  )
}

/** Wraps an Auth API error (admin calls, sign-in links), keeping its code and HTTP status. */
export function fromAuthError(
  error: { message: string; code?: string | undefined; status?: number | undefined },
  action: string,
  fallbackCode: string,
): RepositoryError {
  return new RepositoryError(
    `${action} failed: ${error.message}`,
    error.code ?? fallbackCode,
    null,
    null,
    error.status ?? null,
  )
}

interface QueryResult<T> {
  data: T | null
  error: PostgrestError | null
  /** HTTP status of the response; 0 when the request never got one. */
  status?: number
}

/** Data of a query that must succeed and return something. */
export function unwrap<T>(result: QueryResult<T>, action: string): NonNullable<T> {
  if (result.error) throw fromPostgrestError(result.error, action, result.status ?? null)
  if (result.data === null || result.data === undefined) {
    throw new RepositoryError(`${action} returned no data`, 'no_data')
  }
  return result.data
}

/** Data of a `.maybeSingle()` query: null turns into NotFoundError. */
export function unwrapOne<T>(
  result: QueryResult<T>,
  action: string,
  entity: string,
  id: string,
): NonNullable<T> {
  if (result.error) throw fromPostgrestError(result.error, action, result.status ?? null)
  if (result.data === null || result.data === undefined) throw new NotFoundError(entity, id)
  return result.data
}

/** For calls whose data is not needed: throws on error only. */
export function check(
  result: { error: PostgrestError | null; status?: number },
  action: string,
): void {
  if (result.error) throw fromPostgrestError(result.error, action, result.status ?? null)
}

/** The row an rpc returning a composite type answered with (one object, or a one-row array). */
export function rpcRow<T>(value: T | T[], fn: string): T {
  const row = Array.isArray(value) ? value[0] : value
  if (!row) throw new RepositoryError(`${fn} returned no row`, 'PGRST116', null, null, 500)
  return row
}
