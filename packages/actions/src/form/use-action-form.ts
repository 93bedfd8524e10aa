'use client'

import { type FormEvent, startTransition, useActionState, useEffect, useRef } from 'react'
import { type ActionResult, fieldError, submittedValue } from '../result.ts'
import {
  type ActionFeedback,
  type ActionState,
  type ResultAction,
  reportingStep,
  useReport,
} from './use-action.ts'

/** A kit action posted as FormData, as React's useActionState calls it. */
export type FormAction<T> = (
  previous: ActionResult<T> | null,
  form: FormData,
) => Promise<ActionResult<T>>

export interface ActionFormOptions<T> extends ActionFeedback<T> {
  /** Clears the fields after a success (the form stays open). */
  resetOnSuccess?: boolean
}

export interface ActionForm<T> extends ActionState<T> {
  /** Spread on the <form>. */
  formProps: {
    action?: (form: FormData) => void
    onSubmit: (event: FormEvent<HTMLFormElement>) => void
  }
  /** What was typed into a field before a refused post that arrived without JavaScript. */
  value: (name: string) => string | undefined
}

/**
 * The form idiom for both apps. With `toInput`, the fields are turned into the action's typed input
 * in the browser (dollars to cents, local time to ISO). Without it the action takes the FormData
 * itself, and the form also works before JavaScript has loaded.
 */
export function useActionForm<I, T>(
  action: ResultAction<I, T>,
  options: ActionFormOptions<T> & { toInput: (form: FormData) => I },
): ActionForm<T>
export function useActionForm<T>(
  action: FormAction<T>,
  options?: ActionFormOptions<T>,
): ActionForm<T>
export function useActionForm<I, T>(
  action: FormAction<T> | ResultAction<I, T>,
  options: ActionFormOptions<T> & { toInput?: (form: FormData) => I } = {},
): ActionForm<T> {
  const { toInput, resetOnSuccess = false } = options
  const report = useReport(options)
  // Without toInput the Server Action itself goes to useActionState: that is what lets React post
  // the form before hydration. Its answer is then reported from an effect.
  const progressive = !toInput
  const [result, dispatch, pending] = useActionState<ActionResult<T> | null, FormData>(
    toInput
      ? reportingStep(action as ResultAction<I, T>, toInput, report)
      : (action as FormAction<T>),
    null,
  )
  const reported = useRef<ActionResult<T> | null>(null)
  const element = useRef<HTMLFormElement | null>(null)

  useEffect(() => {
    if (!result || result === reported.current) return
    reported.current = result
    if (progressive) report(result)
    if (result.ok && resetOnSuccess) element.current?.reset()
    // A refused password is not kept around (the browser's password manager can fill it again).
    if (!result.ok) {
      for (const input of element.current?.querySelectorAll('input[type="password"]') ?? []) {
        if (input instanceof HTMLInputElement) input.value = ''
      }
    }
  }, [result, progressive, report, resetOnSuccess])

  return {
    result,
    pending,
    fieldError: (name, fieldOptions) => fieldError(result, name, fieldOptions),
    value: (name) => submittedValue(result, name),
    formProps: {
      // Before hydration (or without JavaScript) the browser posts the form to the action itself.
      ...(progressive ? { action: dispatch } : {}),
      // With JavaScript the submit runs in a transition instead of as a form action, so React does
      // not reset the fields: whatever was typed stays after a refusal.
      onSubmit: (event) => {
        event.preventDefault()
        if (pending) return
        element.current = event.currentTarget
        const form = new FormData(event.currentTarget)
        startTransition(() => dispatch(form))
      },
    },
  }
}
