import type { ActionResult } from '../result.ts'

/** Announces the outcome of a form (error or confirmation) to screen readers. */
export function FormMessage({ state }: { state: ActionResult<unknown> | null }) {
  if (!state) return <p role="status" className="sr-only" />
  if (state.ok) {
    return typeof state.data === 'string' ? (
      <p role="status" className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-900">
        {state.data}
      </p>
    ) : null
  }
  return (
    <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-900">
      {state.error}
    </p>
  )
}
