'use client'

import { startTransition, useActionState, useCallback, useEffect, useRef } from 'react'
import { toast } from '@repo/ui/toast'
import { type ActionFailure, type ActionResult, fieldError } from '../result.ts'

/** What the user hears after an action: at most one toast, plus callbacks for the component. */
export interface ActionFeedback<T> {
  /** Toast after success (a function may return null for none). Omitted: the page shows the change itself. */
  success?: string | ((data: T) => string | null)
  /** Toast after a failure; by default the error. `false` when the form shows the error itself. */
  failure?: false | ((failure: ActionFailure) => string)
  onSuccess?: (data: T) => void
  onFailure?: (failure: ActionFailure) => void
}

/** Any Server Action that answers with an ActionResult. */
export type ResultAction<I, T> = (input: I) => Promise<ActionResult<T>>

export interface ActionState<T> {
  /** The last answer, null before the first. */
  result: ActionResult<T> | null
  /** True from the call until the answer (and the page refresh it carries) has arrived. */
  pending: boolean
  /** The first message for a field from the last answer (`nested`: or for anything inside it). */
  fieldError: (name: string, options?: { nested?: boolean }) => string | undefined
}

/** A stable function that reports an answer with the component's latest feedback options. */
export function useReport<T>(feedback: ActionFeedback<T>): (result: ActionResult<T>) => void {
  const latest = useRef(feedback)
  useEffect(() => {
    latest.current = feedback
  })
  return useCallback((result: ActionResult<T>) => {
    const { success, failure, onSuccess, onFailure } = latest.current
    if (result.ok) {
      const message = typeof success === 'function' ? success(result.data) : success
      if (message) toast.success(message)
      onSuccess?.(result.data)
    } else {
      const message = failure === false ? null : failure ? failure(result) : result.error
      if (message) toast.error(message)
      onFailure?.(result)
    }
  }, [])
}

/**
 * Calls a Server Action and reports its answer inside the same transition, so what the callbacks
 * change shows together with the end of `pending`.
 */
export function reportingStep<P, I, T>(
  action: ResultAction<I, T>,
  toInput: (payload: P) => I,
  report: (result: ActionResult<T>) => void,
): (previous: ActionResult<T> | null, payload: P) => Promise<ActionResult<T>> {
  return async (_previous, payload) => {
    const result = await action(toInput(payload))
    report(result)
    return result
  }
}

/**
 * Runs a Server Action from a button or any event that is not a form submit. `run` may apply an
 * optimistic update first: it shows until the answer arrives and rolls back by itself on failure.
 */
export function useAction<I, T>(
  action: ResultAction<I, T>,
  feedback: ActionFeedback<T> = {},
): ActionState<T> & { run: (input: I, optimistic?: () => void) => void } {
  const step = reportingStep<I, I, T>(action, (input) => input, useReport(feedback))
  const [result, dispatch, pending] = useActionState<ActionResult<T> | null, I>(step, null)
  return {
    result,
    pending,
    fieldError: (name, options) => fieldError(result, name, options),
    run: (input, optimistic) =>
      startTransition(() => {
        optimistic?.()
        dispatch(input)
      }),
  }
}
