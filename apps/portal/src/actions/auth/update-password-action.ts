'use server'

import { createClient } from '@repo/database/server'
import { redirect } from 'next/navigation'
import { type ActionResult, fail, invalid } from '@/lib/action-result'
import { newPasswordSchema } from './schema'

/** Sets the password after an invitation or reset link signed the user in. */
export async function updatePasswordAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const parsed = newPasswordSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) return invalid(parsed.error)
  const supabase = await createClient()
  const { data } = await supabase.auth.getUser()
  if (!data.user) return fail('Your link has expired. Ask for a new one from the sign-in page.')
  const { error } = await supabase.auth.updateUser({ password: parsed.data.password })
  if (error) return fail(error.message || 'The password could not be saved.')
  redirect('/')
}
