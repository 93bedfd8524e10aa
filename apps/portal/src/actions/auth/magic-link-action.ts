'use server'

import { createLogger } from '@repo/actions/logger'
import { fail, ok } from '@repo/actions/result'
import { publicAction } from '@repo/actions/server'
import { createClient } from '@repo/database/server'
import { emailOnlySchema } from './schema'
import { siteOrigin } from './site-origin'

const log = createLogger('auth')

export const magicLinkAction = publicAction(
  { name: 'auth.magic-link', schema: emailOnlySchema, keep: ['email'], invalid: 'Please check the highlighted fields.' },
  async ({ input }) => {
    const supabase = await createClient()
    const { error } = await supabase.auth.signInWithOtp({
      email: input.email,
      // Only existing portal users: the business invites customers, nobody signs up here.
      options: { shouldCreateUser: false, emailRedirectTo: `${await siteOrigin()}/auth/confirm?next=/` },
    })
    if (error && error.status === 429) return fail('Too many requests. Please wait a few minutes.')
    if (error) log.info('magic link not sent', { status: error.status })
    // Same answer either way so the form does not reveal who has an account.
    return ok('If that address has a portal account, a sign-in link is on its way.')
  },
)
