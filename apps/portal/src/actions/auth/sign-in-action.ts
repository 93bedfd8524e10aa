'use server'

import { createClient } from '@repo/database/server'
import { redirect } from 'next/navigation'
import { type ActionResult, fail, invalid } from '@/lib/action-result'
import { createLogger } from '@/lib/logger'
import { safeNextPath, signInSchema } from './schema'

const log = createLogger('auth')

export async function signInAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const parsed = signInSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) return invalid(parsed.error)
  const supabase = await createClient()
  const { error } = await supabase.auth.signInWithPassword({ email: parsed.data.email, password: parsed.data.password })
  if (error) {
    log.info('sign-in refused', { status: error.status })
    return fail(error.status === 429 ? 'Too many attempts. Please wait a few minutes.' : 'Email or password is incorrect.')
  }
  redirect(safeNextPath(parsed.data.next))
}
