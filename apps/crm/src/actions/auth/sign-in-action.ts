'use server'

import { createClient } from '@repo/database/server'
import { redirect } from 'next/navigation'
import { type ActionResult, fail, parseInput, withValues } from '@/lib/action-result.ts'
import { createLogger } from '@/lib/logger.ts'
import { signInSchema } from './schema.ts'

const log = createLogger('auth')

/** Shown again after a refusal; the password is not. */
const kept = ['email'] as const

/** Signs in with email + password; membership is checked by the CRM layout, which shows "no access". */
export async function signInAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const input = parseInput(signInSchema, { email: form.get('email'), password: form.get('password') })
  if (!input.ok) return withValues(input, form, kept)
  const supabase = await createClient()
  const { error } = await supabase.auth.signInWithPassword(input.data)
  if (error) {
    log.info('sign-in refused', { code: error.code ?? error.status })
    return withValues(fail('Email or password is incorrect.', { password: ['Email or password is incorrect.'] }), form, kept)
  }
  const next = String(form.get('next') ?? '')
  // Only same-site paths, so the sign-in page cannot be used as an open redirect.
  redirect(next.startsWith('/') && !next.startsWith('//') ? next : '/customers')
}
