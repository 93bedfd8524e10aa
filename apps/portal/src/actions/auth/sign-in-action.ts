'use server'

import { createClient } from '@repo/database/server'
import { redirect } from 'next/navigation'
import { type ActionResult, fail, invalid, withValues } from '@/lib/action-result'
import { createLogger } from '@/lib/logger'
import { safeNextPath, signInSchema } from './schema'

const log = createLogger('auth')

/** Shown again after a refusal; the password is not. */
const kept = ['email'] as const

export async function signInAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const parsed = signInSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) return withValues(invalid(parsed.error), form, kept)
  const supabase = await createClient()
  const { error } = await supabase.auth.signInWithPassword({ email: parsed.data.email, password: parsed.data.password })
  if (error) {
    log.info('sign-in refused', { status: error.status })
    return withValues(
      fail(error.status === 429 ? 'Too many attempts. Please wait a few minutes.' : 'Email or password is incorrect.'),
      form,
      kept,
    )
  }
  redirect(safeNextPath(parsed.data.next))
}
