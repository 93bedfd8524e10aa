'use client'

import { Button } from '@repo/ui/button'
import { TextField } from '@repo/ui/field'
import { useActionState } from 'react'
import { signInAction } from '@/actions/auth/sign-in-action'
import { submittedValue } from '@/lib/action-result'
import { FormMessage, fieldError } from './form-message'

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signInAction, null)
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={submittedValue(state, 'email')} error={fieldError(state, 'email')} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fieldError(state, 'password')}
      />
      <FormMessage state={state} />
      <Button type="submit" pending={pending} className="w-full">
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  )
}
