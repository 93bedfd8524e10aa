import type { z } from 'zod'
import { ValidationError } from './errors.ts'

// zod's uuid() rule as a plain pattern: repositories the browser loads (realtime catch-up) must not
// pull zod into every page (about 30 kB gzipped).
const UUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/

/** Whether a value (a URL parameter, say) is an id at all. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value)
}

/** Checks an id before it reaches a query, so bad input fails clearly and changes nothing. */
export function assertUuid(value: unknown, field: string): string {
  if (!isUuid(value)) {
    throw new ValidationError(field, 'must be a UUID')
  }
  return value
}

/** Parses input with a zod schema, naming the first offending field in the error. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const field = issue?.path.length ? `${what}.${issue.path.join('.')}` : what
  throw new ValidationError(field, issue?.message ?? 'is invalid')
}

/** Limits for list queries: positive, and capped so one call cannot ask for everything. */
export function pageRange(limit = 50, offset = 0): { from: number; to: number } {
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new ValidationError('limit', 'must be an integer between 1 and 500')
  }
  if (!Number.isInteger(offset) || offset < 0)
    throw new ValidationError('offset', 'must be 0 or more')
  return { from: offset, to: offset + limit - 1 }
}
