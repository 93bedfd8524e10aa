'use server'

import { fail } from '@repo/actions/result'
import { publicAction } from '@repo/actions/server'
import { createClient } from '@repo/database/server'
import { redirect } from 'next/navigation'
import { newPasswordSchema } from './schema'

/** Sets the password after an invitation or reset link signed the user in. Nothing is echoed back. */
export const updatePasswordAction = publicAction(
  { name: 'auth.update-password', schema: newPasswordSchema, invalid: 'Please check the highlighted fields.' },
  async ({ input }) => {
    const supabase = await createClient()
    const { data } = await supabase.auth.getUser()
    if (!data.user) return fail('Your link has expired. Ask for a new one from the sign-in page.')
    const { error } = await supabase.auth.updateUser({ password: input.password })
    if (error) return fail(error.message || 'The password could not be saved.')
    redirect('/')
  },
)
