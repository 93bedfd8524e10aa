import type { FieldErrors } from './action-result.ts'

interface CodedError {
  code?: unknown
  message?: unknown
  field?: unknown
}

export interface DescribeOptions {
  /** Which form field a unique-constraint violation belongs to (e.g. the invoice number). */
  uniqueField?: string
  uniqueMessage?: string
  /** Which field a foreign-key violation means (e.g. an unknown customer id). */
  foreignKeyField?: string
}

/** Turns a repository/Postgres error into the message a staff member should see; nothing is leaked verbatim. */
export function describeRepositoryError(
  error: unknown,
  options: DescribeOptions = {},
): { error: string; fieldErrors?: FieldErrors } {
  const e = (error ?? {}) as CodedError
  const code = typeof e.code === 'string' ? e.code : ''
  switch (code) {
    case '23505': {
      const message = options.uniqueMessage ?? 'That value is already in use.'
      return options.uniqueField
        ? { error: message, fieldErrors: { [options.uniqueField]: [message] } }
        : { error: message }
    }
    case '23503': {
      const message = 'A linked record does not exist (or is not in your organization).'
      return options.foreignKeyField
        ? { error: message, fieldErrors: { [options.foreignKeyField]: [message] } }
        : { error: message }
    }
    case '23514':
    case '22P02':
    case '22007':
    case '22008':
      return { error: 'The database refused a value as invalid; nothing was changed.' }
    case '42501':
    case 'PGRST301':
    case 'PGRST302':
      return { error: 'Your role does not allow this action. Ask an owner or admin.' }
    case 'not_found':
    case 'PGRST116':
      return { error: 'That record no longer exists or is not visible to you.' }
    case 'invalid_input': {
      const field = typeof e.field === 'string' ? e.field : undefined
      const message = typeof e.message === 'string' ? e.message : 'Invalid input.'
      return field ? { error: message, fieldErrors: { [field]: [message] } } : { error: message }
    }
    case 'P0001':
      // Raised by our own database functions with a message written for people.
      return { error: typeof e.message === 'string' ? e.message.replace(/^.*?failed: /, '') : 'Refused.' }
    default:
      return { error: 'Something went wrong; nothing was changed. Please try again.' }
  }
}
