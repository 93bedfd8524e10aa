'use client'

import { Button } from '@repo/ui/button'
import { TextField } from '@repo/ui/field'
import { useActionState } from 'react'
import { updatePasswordAction } from '@/actions/auth/update-password-action'
import { FormMessage, fieldError } from './form-message'

export function UpdatePasswordForm() {
  const [state, action, pending] = useActionState(updatePasswordAction, null)
  return (
    <form action={action} className="space-y-4" noValidate>
      <TextField label="New password" name="password" type="password" autoComplete="new-password" required error={fieldError(state, 'password')} hint="At least 8 characters." />
      <TextField label="Repeat password" name="confirm" type="password" autoComplete="new-password" required error={fieldError(state, 'confirm')} />
      <FormMessage state={state} />
      <Button type="submit" pending={pending} className="w-full">
        Save password
      </Button>
    </form>
  )
}
