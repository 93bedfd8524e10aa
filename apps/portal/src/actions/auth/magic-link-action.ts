'use server'

import { createClient } from '@repo/database/server'
import { type ActionResult, fail, invalid, ok, withValues } from '@/lib/action-result'
import { createLogger } from '@/lib/logger'
import { emailOnlySchema } from './schema'
import { siteOrigin } from './site-origin'

const log = createLogger('auth')

export async function magicLinkAction(_prev: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  const parsed = emailOnlySchema.safeParse({ email: form.get('email') })
  if (!parsed.success) return withValues(invalid(parsed.error), form, ['email'])
  const supabase = await createClient()
  const { error } = await supabase.auth.signInWithOtp({
    email: parsed.data.email,
    // Only existing portal users: the business invites customers, nobody signs up here.
    options: { shouldCreateUser: false, emailRedirectTo: `${await siteOrigin()}/auth/confirm?next=/` },
  })
  if (error && error.status === 429) return withValues(fail('Too many requests. Please wait a few minutes.'), form, ['email'])
  if (error) log.info('magic link not sent', { status: error.status })
  // Same answer either way so the form does not reveal who has an account.
  return ok('If that address has a portal account, a sign-in link is on its way.')
}
