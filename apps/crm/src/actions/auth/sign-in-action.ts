'use server'

import { createLogger } from '@repo/actions/logger'
import { fail } from '@repo/actions/result'
import { publicAction } from '@repo/actions/server'
import { createClient } from '@repo/database/server'
import { redirect } from 'next/navigation'
import { signInSchema } from './schema.ts'

const log = createLogger('auth')
const refused = 'Email or password is incorrect.'

/** Signs in with email + password; membership is checked by the CRM layout, which shows "no access". */
export const signInAction = publicAction(
  // Only the e-mail address is shown again after a refusal; the password is not.
  { name: 'auth.sign-in', schema: signInSchema, keep: ['email'] },
  async ({ input }) => {
    const supabase = await createClient()
    const { error } = await supabase.auth.signInWithPassword({
      email: input.email,
      password: input.password,
    })
    if (error) {
      log.info('sign-in refused', { code: error.code ?? error.status })
      return fail(refused, { password: [refused] })
    }
    // Only same-site paths, so the sign-in page cannot be used as an open redirect.
    const next = input.next ?? ''
    redirect(next.startsWith('/') && !next.startsWith('//') ? next : '/')
  },
)
