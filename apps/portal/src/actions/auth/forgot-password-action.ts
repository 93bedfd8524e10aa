'use server'

import { createLogger } from '@repo/actions/logger'
import { fail, ok } from '@repo/actions/result'
import { publicAction } from '@repo/actions/server'
import { createClient } from '@repo/database/server'
import { emailOnlySchema } from './schema'
import { siteOrigin } from './site-origin'

const log = createLogger('auth')

export const forgotPasswordAction = publicAction(
  { name: 'auth.forgot-password', schema: emailOnlySchema, keep: ['email'], invalid: 'Please check the highlighted fields.' },
  async ({ input }) => {
    const supabase = await createClient()
    const { error } = await supabase.auth.resetPasswordForEmail(input.email, {
      redirectTo: `${await siteOrigin()}/auth/confirm?next=/auth/update-password`,
    })
    if (error && error.status === 429) return fail('Too many requests. Please wait a few minutes.')
    if (error) log.info('reset link not sent', { status: error.status })
    return ok('If that address has a portal account, a reset link is on its way.')
  },
)
