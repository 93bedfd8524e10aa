'use server'

import { createLogger } from '@repo/actions/logger'
import { fail } from '@repo/actions/result'
import { publicAction } from '@repo/actions/server'
import { createClient } from '@repo/database/server'
import { redirect } from 'next/navigation'
import { safeNextPath, signInSchema } from './schema'

const log = createLogger('auth')

export const signInAction = publicAction(
  // Only the e-mail address is shown again after a refusal; the password is not.
  { name: 'auth.sign-in', schema: signInSchema, keep: ['email'], invalid: 'Please check the highlighted fields.' },
  async ({ input }) => {
    const supabase = await createClient()
    const { error } = await supabase.auth.signInWithPassword({ email: input.email, password: input.password })
    if (error) {
      log.info('sign-in refused', { status: error.status })
      return fail(error.status === 429 ? 'Too many attempts. Please wait a few minutes.' : 'Email or password is incorrect.')
    }
    redirect(safeNextPath(input.next))
  },
)
