'use client'

import { Button } from '@repo/ui/button'
import { TextField } from '@repo/ui/field'
import { useActionForm } from '@repo/actions/form'
import { updatePasswordAction } from '@/actions/auth/update-password-action'
import { FormMessage } from '@repo/actions/form'

export function UpdatePasswordForm() {
  // The refusal is announced under the fields (FormMessage), not in a toast.
  const { formProps, result, pending, fieldError } = useActionForm(updatePasswordAction, { failure: false })
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <TextField label="New password" name="password" type="password" autoComplete="new-password" required error={fieldError('password')} hint="At least 8 characters." />
      <TextField label="Repeat password" name="confirm" type="password" autoComplete="new-password" required error={fieldError('confirm')} />
      <FormMessage state={result} />
      <Button type="submit" pending={pending} className="w-full">
        Save password
      </Button>
    </form>
  )
}
