'use client'

import { FormMessage, useActionForm } from '@repo/actions/form'
import { Button } from '@repo/ui/button'
import { TextField } from '@repo/ui/field'
import { signUpAction } from '@/actions/auth/sign-up-action.ts'

export function SignUpForm() {
  // Refusals show on the fields and under the form, not in a toast.
  const { formProps, pending, fieldError, value, result } = useActionForm(signUpAction, { failure: false })
  if (result?.ok) return <div className="mt-6"><FormMessage state={result} /></div>
  return (
    <form {...formProps} className="mt-6 space-y-4" noValidate>
      <TextField label="Your name" name="fullName" autoComplete="name" required defaultValue={value('fullName')} error={fieldError('fullName')} />
      <TextField label="Work email" name="email" type="email" autoComplete="email" required defaultValue={value('email')} error={fieldError('email')} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters."
        error={fieldError('password')}
      />
      <FormMessage state={result} />
      <Button type="submit" pending={pending} className="w-full">
        {pending ? 'Creating your account…' : 'Create account'}
      </Button>
    </form>
  )
}
