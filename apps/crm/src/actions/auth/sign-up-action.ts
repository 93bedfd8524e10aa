'use server'

import { fail, ok } from '@repo/actions/result'
import { publicAction } from '@repo/actions/server'
import { readCrmUrl } from '@repo/database/env'
import { createClient } from '@repo/database/server'
import { redirect } from 'next/navigation'
import { signUpSchema } from './schema.ts'

/**
 * A business owner creates their login. With e-mail confirmations off (the local stack) they are
 * signed in at once and go on to name their business; with them on, the mail's link does that.
 */
export const signUpAction = publicAction(
  { name: 'auth.sign-up', schema: signUpSchema, keep: ['email', 'fullName'] },
  async ({ input }) => {
    const supabase = await createClient()
    const { data, error } = await supabase.auth.signUp({
      email: input.email,
      password: input.password,
      options: {
        data: { full_name: input.fullName },
        emailRedirectTo: new URL('/auth/confirm', readCrmUrl()).toString(),
      },
    })
    if (error) {
      if (error.code === 'user_already_exists' || error.code === 'email_exists') {
        return fail('An account with this e-mail address already exists. Sign in instead.', {
          email: ['Already has an account'],
        })
      }
      if (error.code === 'weak_password') return fail(error.message, { password: [error.message] })
      return fail(error.message || 'The account could not be created. Try again.')
    }
    if (data.session) redirect('/setup')
    return ok(`Check ${input.email} for a link to confirm your address, then set up your business.`)
  },
)
