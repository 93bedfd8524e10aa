import { type AuthApiError, fail } from './errors.ts'
import type { JsonObject } from './request.ts'

// GoTrue's own pattern: anything else (including SQL fragments) is simply not an e-mail address.
const EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/

export const MIN_PASSWORD_LENGTH = 6

/** Returns the normalised (lower-cased) address or throws validation_failed. */
export function validEmail(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw fail(400, 'validation_failed', 'An email address is required')
  }
  const email = value.trim().toLowerCase()
  if (email.length > 255 || !EMAIL_PATTERN.test(email)) {
    throw fail(400, 'validation_failed', 'Unable to validate email address: invalid format')
  }
  return email
}

export function weakPasswordError(): AuthApiError {
  return fail(
    422,
    'weak_password',
    `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`,
    {
      weak_password: { reasons: ['length'] },
    },
  )
}

/** Passwords are strings of at least six characters (GoTrue's default), at most 72 bytes (bcrypt). */
export function validPassword(value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw fail(400, 'validation_failed', 'A password is required')
  }
  if ([...value].length < MIN_PASSWORD_LENGTH) throw weakPasswordError()
  if (Buffer.byteLength(value) > 72) {
    throw fail(422, 'validation_failed', 'Password cannot be longer than 72 characters')
  }
  return value
}

/** Metadata objects (`data`, `user_metadata`, `app_metadata`) must be JSON objects when given. */
export function optionalObject(body: JsonObject, field: string): JsonObject | undefined {
  const value = body[field]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw fail(400, 'validation_failed', `${field} must be a JSON object`)
  }
  return value as JsonObject
}

export function optionalString(body: JsonObject, field: string): string | undefined {
  const value = body[field]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw fail(400, 'validation_failed', `${field} must be a string`)
  return value
}

export function optionalBoolean(body: JsonObject, field: string): boolean | undefined {
  const value = body[field]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') throw fail(400, 'validation_failed', `${field} must be a boolean`)
  return value
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value)
}
