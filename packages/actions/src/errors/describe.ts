import type { FieldErrors } from '../result.ts'
import { classifyError, type ErrorKind, foreignKeyColumns } from './classify.ts'

/** What an action knows about its own failures, to put a message on the right field. */
export interface ErrorHints {
  /** A unique-constraint violation: which field it belongs to and what to say. */
  unique?: { field?: string; message: string }
  /**
   * Foreign keys by database column (`customer_id`): the form field and what to say when the
   * referenced row does not exist. With a single entry, an unnamed violation lands on its field.
   */
  foreignKeys?: Readonly<Record<string, { field: string; message: string }>>
  /** Messages for codes of our own (`already_provisioned`) or Auth's (`email_exists`). */
  codes?: Readonly<Record<string, string>>
  /** What to say when nothing more specific is known. */
  fallback?: string
}

/** The sentences a person reads for each kind of failure; each app may word a few for its audience. */
export type ErrorWording = Record<Exclude<ErrorKind, 'invalid_input' | 'rule'>, string>

export const defaultWording: ErrorWording = {
  not_found: 'That record no longer exists or is not visible to you.',
  forbidden: 'You are not allowed to do that.',
  session: 'Your session has ended. Sign in again.',
  unique: 'That value is already in use.',
  foreign_key: 'A linked record does not exist (or is not in your organization).',
  invalid_value: 'The database refused a value as invalid; nothing was changed.',
  conflict: 'Someone else changed this at the same moment; nothing was changed. Try again.',
  timeout: 'That took too long and was stopped; nothing was changed. Try again.',
  unavailable: 'The service is unavailable, try again in a moment. Nothing was changed.',
  unknown: 'Something went wrong; nothing was changed. Please try again.',
}

export interface DescribedError {
  error: string
  fieldErrors?: FieldErrors
}

function on(field: string | undefined, message: string): DescribedError {
  return field ? { error: message, fieldErrors: { [field]: [message] } } : { error: message }
}

function text(error: unknown, key: string): string | undefined {
  const value =
    typeof error === 'object' && error !== null
      ? (error as Record<string, unknown>)[key]
      : undefined
  return typeof value === 'string' ? value : undefined
}

/**
 * The one mapping from a failure to what a person reads: nothing is leaked verbatim except the
 * messages our own code writes for people (repository input checks, database rule functions).
 */
export function describeError(
  error: unknown,
  hints: ErrorHints = {},
  wording: ErrorWording = defaultWording,
): DescribedError {
  const kind = classifyError(error)
  const code = text(error, 'code')
  const coded = code ? hints.codes?.[code] : undefined
  if (coded) return { error: coded }
  switch (kind) {
    case 'invalid_input':
      return on(text(error, 'field'), text(error, 'message') ?? wording.invalid_value)
    case 'rule':
      // Raised by our own database functions with a message written for people.
      return { error: (text(error, 'message') ?? wording.unknown).replace(/^.*? failed: /, '') }
    case 'unique':
      return on(hints.unique?.field, hints.unique?.message ?? wording.unique)
    case 'foreign_key': {
      const keys = hints.foreignKeys ?? {}
      // A tenant-scoped key names organization_id too: the hinted column is the one meant.
      const named = foreignKeyColumns(error, Object.keys(keys))
        .map((column) => keys[column])
        .find((hint) => hint !== undefined)
      if (named) return on(named.field, named.message)
      const only = Object.values(keys)
      return on(only.length === 1 ? only[0]?.field : undefined, wording.foreign_key)
    }
    case 'unknown':
      return { error: hints.fallback ?? wording.unknown }
    default:
      return { error: wording[kind] }
  }
}

/** Failures a person caused or can fix are warnings in the log; the rest are errors. */
export function isExpected(kind: ErrorKind): boolean {
  return kind !== 'unknown' && kind !== 'unavailable' && kind !== 'timeout'
}
