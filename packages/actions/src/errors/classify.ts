// Reads the fields @repo/database's RepositoryError carries (`code`, `status`, `field`, `details`),
// and the same fields on raw PostgREST and Auth errors, so any thrown value can be sorted.

/** What went wrong, in the terms a message to a person needs. */
export type ErrorKind =
  | 'invalid_input' // the repository rejected the input before any query
  | 'not_found' // missing, or hidden by RLS
  | 'forbidden' // RLS, a grant or a trigger refused
  | 'session' // the caller's token is missing, expired or invalid
  | 'unique' // a unique constraint
  | 'foreign_key' // a referenced row does not exist (or is not visible)
  | 'invalid_value' // a check constraint, a NOT NULL or a malformed value
  | 'rule' // a business rule raised by one of our database functions
  | 'conflict' // a concurrent transaction won (serialization failure, deadlock)
  | 'timeout' // the statement ran too long
  | 'unavailable' // the API or the database could not be reached
  | 'unknown'

const byCode: Record<string, ErrorKind> = {
  invalid_input: 'invalid_input',
  not_found: 'not_found',
  PGRST116: 'not_found',
  '42501': 'forbidden',
  PGRST301: 'session',
  PGRST302: 'session',
  PGRST303: 'session',
  '23505': 'unique',
  '23503': 'foreign_key',
  '23502': 'invalid_value',
  '23514': 'invalid_value',
  '22001': 'invalid_value',
  '22003': 'invalid_value',
  '22007': 'invalid_value',
  '22008': 'invalid_value',
  // Raised by our own database functions for bad input, with a message written for people
  // ("The amount is more than the balance due"); Postgres itself uses 22P02/22007 for malformed values.
  '22023': 'rule',
  '22P02': 'invalid_value',
  P0001: 'rule',
  '40001': 'conflict',
  '40P01': 'conflict',
  '57014': 'timeout',
  // PostgREST cannot reach or use the database; Postgres is shutting down or full.
  PGRST000: 'unavailable',
  PGRST001: 'unavailable',
  PGRST002: 'unavailable',
  PGRST003: 'unavailable',
  '53300': 'unavailable',
  '57P01': 'unavailable',
  '57P02': 'unavailable',
  '57P03': 'unavailable',
}

const unavailableStatuses = new Set([0, 502, 503, 504, 520, 521, 522, 523, 524])

// Node's fetch (undici) and the socket layer name a dead or unreachable server with these.
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
])

function field(error: unknown, key: string): unknown {
  return typeof error === 'object' && error !== null
    ? (error as Record<string, unknown>)[key]
    : undefined
}

/** The HTTP status a failed call carried: RepositoryError, Auth errors and PostgREST errors keep it. */
function statusOf(error: unknown): number | null {
  const status = field(error, 'status')
  return typeof status === 'number' ? status : null
}

function isNetworkFailure(error: unknown): boolean {
  for (
    let current: unknown = error, depth = 0;
    current && depth < 4;
    current = field(current, 'cause'), depth++
  ) {
    const code = field(current, 'code')
    if (typeof code === 'string' && networkCodes.has(code)) return true
    const name = field(current, 'name')
    // supabase-js's Auth client wraps a failed fetch (or a 5xx) in this class.
    if (name === 'AuthRetryableFetchError') return true
    const message = field(current, 'message')
    if (name === 'TypeError' && message === 'fetch failed') return true
  }
  return false
}

/** Sorts any thrown value (RepositoryError, a PostgREST or Auth error, a fetch failure) into one kind. */
export function classifyError(error: unknown): ErrorKind {
  const code = field(error, 'code')
  const known = typeof code === 'string' ? byCode[code] : undefined
  if (known) return known
  if (typeof code === 'string' && code.startsWith('08')) return 'unavailable' // connection exceptions
  const status = statusOf(error)
  // 0: supabase-js got no response at all; the others: the API or a gateway in front of it is
  // down or overloaded. A plain 500 is a fault, not an outage.
  if (status !== null && unavailableStatuses.has(status)) return 'unavailable'
  if (status === 401) return 'session'
  if (isNetworkFailure(error)) return 'unavailable'
  return 'unknown'
}

/** Missing or hidden by RLS: the caller may treat it as "no such record". */
export function isNotFound(error: unknown): boolean {
  return classifyError(error) === 'not_found'
}

/** The API or database could not be reached: nothing was changed, and trying again may work. */
export function isUnavailable(error: unknown): boolean {
  return classifyError(error) === 'unavailable'
}

/** Resolves to null when the record does not exist (or is hidden); any other failure is rethrown. */
export async function nullIfNotFound<T>(pending: Promise<T>): Promise<T | null> {
  try {
    return await pending
  } catch (error) {
    if (isNotFound(error)) return null
    throw error
  }
}

/**
 * The columns of a foreign-key violation. Postgres names them in the detail ("Key (customer_id)=(…)")
 * unless RLS hides the values ("Key is not present in table …"); the constraint's default name
 * (`jobs_organization_id_customer_id_fkey`) still carries them, so that is read too.
 */
export function foreignKeyColumns(error: unknown, candidates: readonly string[]): string[] {
  const details = field(error, 'details')
  const listed = typeof details === 'string' ? /Key \(([a-z0-9_, ]+)\)=/i.exec(details) : null
  if (listed?.[1]) return listed[1].split(',').map((column) => column.trim())
  const message = field(error, 'message')
  const constraint =
    typeof message === 'string' ? /foreign key constraint "([^"]+)"/i.exec(message)?.[1] : undefined
  return constraint ? candidates.filter((column) => constraint.includes(`_${column}_`)) : []
}
