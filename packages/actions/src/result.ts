// The contract between every Server Action and the UI. No zod and no server code here: client
// components import it.

/** Messages per field, keyed by the field's path (`lineItems.0.unitPriceCents`); `_form` for the whole form. */
export type FieldErrors = Record<string, string[]>

export interface ActionFailure {
  ok: false
  error: string
  fieldErrors?: FieldErrors
  /** What was submitted, echoed after a refused form post so the page can show it again. */
  values?: Record<string, string>
}

/** What every Server Action returns: the UI never has to guess whether something changed. */
export type ActionResult<T> = { ok: true; data: T } | ActionFailure

export function ok<T>(data: T): { ok: true; data: T } {
  return { ok: true, data }
}

export function fail(error: string, fieldErrors?: FieldErrors): ActionFailure {
  return fieldErrors ? { ok: false, error, fieldErrors } : { ok: false, error }
}

/**
 * Echoes the named fields with a failure, so a form posted before (or without) JavaScript can show
 * them again as `defaultValue`. Never name a password here.
 */
export function withValues<R extends ActionResult<unknown>>(
  result: R,
  form: FormData,
  names: readonly string[],
): R {
  if (result.ok) return result
  return {
    ...result,
    values: Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? '')])),
  }
}

/** The value the user submitted last time, when the action failed (for `defaultValue`). */
export function submittedValue(
  state: ActionResult<unknown> | null,
  name: string,
): string | undefined {
  return state && !state.ok ? state.values?.[name] : undefined
}

/**
 * The first message for a field; with `nested`, also for anything inside it (`preferredTimes`
 * then covers `preferredTimes.1`).
 */
export function fieldError(
  state: ActionResult<unknown> | null,
  name: string,
  options: { nested?: boolean } = {},
): string | undefined {
  if (!state || state.ok || !state.fieldErrors) return undefined
  const exact = state.fieldErrors[name]?.[0]
  if (exact !== undefined || !options.nested) return exact
  const prefix = `${name}.`
  for (const [key, messages] of Object.entries(state.fieldErrors)) {
    if (key.startsWith(prefix) && messages[0] !== undefined) return messages[0]
  }
  return undefined
}
