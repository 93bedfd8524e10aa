'use client'

import { Button } from '@repo/ui/button'
import { TextField } from '@repo/ui/field'
import { useActionState } from 'react'
import { signInAction } from '@/actions/auth/sign-in-action.ts'
import { submittedValue } from '@/lib/action-result.ts'

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signInAction, null)
  const errors = state && !state.ok ? state.fieldErrors : undefined
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required defaultValue={submittedValue(state, 'email')} error={errors?.email?.[0]} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={errors?.password?.[0]}
      />
      <Button type="submit" pending={pending} className="w-full">
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  )
}
