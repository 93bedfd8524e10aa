'use client'

import { Button } from '@repo/ui/button'
import { TextField } from '@repo/ui/field'
import { useActionState } from 'react'
import { type ActionResult, submittedValue } from '@/lib/action-result'
import { FormMessage, fieldError } from './form-message'

type EmailAction = (prev: ActionResult<string> | null, form: FormData) => Promise<ActionResult<string>>

/** One e-mail field and a button: used for magic links and password resets. */
export function EmailLinkForm({ action: serverAction, submitLabel, idPrefix }: { action: EmailAction; submitLabel: string; idPrefix: string }) {
  const [state, action, pending] = useActionState(serverAction, null)
  return (
    <form action={action} className="space-y-4" noValidate>
      <TextField id={`${idPrefix}-email`} label="Email" name="email" type="email" autoComplete="email" required defaultValue={submittedValue(state, 'email')} error={fieldError(state, 'email')} />
      <FormMessage state={state} />
      <Button type="submit" variant="secondary" pending={pending} className="w-full">
        {submitLabel}
      </Button>
    </form>
  )
}
