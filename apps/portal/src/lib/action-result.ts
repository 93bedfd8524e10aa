import type { z } from 'zod'

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> }

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data }
}

export function fail(error: string, fieldErrors?: Record<string, string[]>): ActionResult<never> {
  return fieldErrors ? { ok: false, error, fieldErrors } : { ok: false, error }
}

/** Turns a zod failure into the action's error shape, keyed by field name. */
export function invalid(error: z.ZodError): ActionResult<never> {
  const fieldErrors: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'form'
    fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message]
  }
  return fail('Please check the highlighted fields.', fieldErrors)
}

/**
 * Echoes what the user typed back with a failure, so a `<form action>` (which React resets after
 * the action) can show it again as `defaultValue`. Never pass passwords here.
 */
export function withValues<T>(result: ActionResult<T>, form: FormData, names: readonly string[]): ActionResult<T> {
  if (result.ok) return result
  return { ...result, values: Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? '')])) }
}

/** The value the user submitted last time, when the action failed (for `defaultValue`). */
export function submittedValue(state: ActionResult<unknown> | null, name: string): string | undefined {
  return state && !state.ok ? state.values?.[name] : undefined
}
