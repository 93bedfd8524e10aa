'use client'

import { Button } from '@repo/ui/button'
import { TextField } from '@repo/ui/field'
import { useActionForm } from '@repo/actions/form'
import { signInAction } from '@/actions/auth/sign-in-action'
import { FormMessage } from '@repo/actions/form'

export function SignInForm({ next }: { next: string }) {
  // The refusal is announced under the fields (FormMessage), not in a toast.
  const { formProps, result, pending, fieldError, value } = useActionForm(signInAction, { failure: false })
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={value('email')} error={fieldError('email')} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fieldError('password')}
      />
      <FormMessage state={result} />
      <Button type="submit" pending={pending} className="w-full">
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  )
}
