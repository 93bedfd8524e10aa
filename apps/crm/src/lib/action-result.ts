import type { z } from 'zod'

/** What every Server Action returns: the UI never has to guess whether something changed. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> }

export type FieldErrors = Record<string, string[]>

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data }
}

export function fail(error: string, fieldErrors?: FieldErrors): { ok: false; error: string; fieldErrors?: FieldErrors } {
  return fieldErrors ? { ok: false, error, fieldErrors } : { ok: false, error }
}

/** Validates unknown input; on failure returns field-level messages keyed by the field's path. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | { ok: false; error: string; fieldErrors: FieldErrors } {
  const parsed = schema.safeParse(input)
  if (parsed.success) return { ok: true, data: parsed.data }
  const fieldErrors: FieldErrors = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_form'
    const list = fieldErrors[key] ?? []
    list.push(issue.message)
    fieldErrors[key] = list
  }
  return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors }
}

/**
 * Echoes what the user typed back with a failure, so a `<form action>` (which React resets after
 * the action) can show it again as `defaultValue`. Never pass passwords here.
 */
export function withValues<R extends { ok: boolean }>(result: R, form: FormData, names: readonly string[]): R & { values?: Record<string, string> } {
  if (result.ok) return result
  return { ...result, values: Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? '')])) }
}

/** The value the user submitted last time, when the action failed (for `defaultValue`). */
export function submittedValue(state: ActionResult<unknown> | null, name: string): string | undefined {
  return state && !state.ok ? state.values?.[name] : undefined
}
