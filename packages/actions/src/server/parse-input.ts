import type { z } from 'zod'
import type { FieldErrors } from '../result.ts'

export type Parsed<S extends z.ZodType> =
  | { ok: true; data: z.output<S> }
  | { ok: false; error: string; fieldErrors: FieldErrors }

/**
 * Validates input. Field problems come back keyed by the field's path; a schema for a bare value
 * (an id, say) has no fields, so its own message becomes the error and `fieldErrors` stays empty.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  invalidMessage = 'Please correct the highlighted fields.',
): Parsed<S> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return { ok: true, data: parsed.data }
  const issues = parsed.error.issues
  if (issues.every((issue) => issue.path.length === 0)) {
    return { ok: false, error: issues[0]?.message ?? invalidMessage, fieldErrors: {} }
  }
  const fieldErrors: FieldErrors = {}
  for (const issue of issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_form'
    fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message]
  }
  return { ok: false, error: invalidMessage, fieldErrors }
}
