'use server'

import { newPasswordSchema } from '@repo/actions/auth'
import { fail } from '@repo/actions/result'
import { publicAction } from '@repo/actions/server'
import { acceptStaffInvitation } from '@repo/database/repositories'
import { createClient } from '@repo/database/server'
import { redirect } from 'next/navigation'

/** An invited team member (or one resetting a password) chooses a password and enters the CRM. */
export const setPasswordAction = publicAction(
  {
    name: 'auth.set-password',
    schema: newPasswordSchema,
    invalid: 'Please check the highlighted fields.',
  },
  async ({ input }) => {
    const supabase = await createClient()
    const { data } = await supabase.auth.getUser()
    if (!data.user) return fail('Your link has expired. Ask whoever invited you for a new one.')
    const { error } = await supabase.auth.updateUser({ password: input.password })
    if (error) return fail(error.message || 'The password could not be saved.')
    await acceptStaffInvitation(supabase)
    redirect('/')
  },
)
