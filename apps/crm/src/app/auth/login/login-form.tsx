'use client'

import { Button } from '@repo/ui/button'
import { TextField } from '@repo/ui/field'
import { useActionForm } from '@repo/actions/form'
import { signInAction } from '@/actions/auth/sign-in-action.ts'

export function LoginForm({ next }: { next: string }) {
  // The refusal is shown on the password field, not in a toast.
  const { formProps, pending, fieldError, value } = useActionForm(signInAction, { failure: false })
  return (
    <form {...formProps} className="mt-6 space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required defaultValue={value('email')} error={fieldError('email')} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fieldError('password')}
      />
      <Button type="submit" pending={pending} className="w-full">
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  )
}
