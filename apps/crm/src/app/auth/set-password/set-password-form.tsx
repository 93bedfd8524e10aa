'use client'

import { FormMessage, useActionForm } from '@repo/actions/form'
import { Button } from '@repo/ui/button'
import { TextField } from '@repo/ui/field'
import { setPasswordAction } from '@/actions/auth/set-password-action.ts'

export function SetPasswordForm() {
  const { formProps, result, pending, fieldError } = useActionForm(setPasswordAction, { failure: false })
  return (
    <form {...formProps} className="mt-6 space-y-4" noValidate>
      <TextField label="New password" name="password" type="password" autoComplete="new-password" required hint="At least 8 characters." error={fieldError('password')} />
      <TextField label="Repeat password" name="confirm" type="password" autoComplete="new-password" required error={fieldError('confirm')} />
      <FormMessage state={result} />
      <Button type="submit" pending={pending} className="w-full">
        Save password
      </Button>
    </form>
  )
}
