'use server'

import { fail } from '@repo/actions/result'
import { publicAction } from '@repo/actions/server'
import { createOrganization, RepositoryError } from '@repo/database/repositories'
import { createClient } from '@repo/database/server'
import { redirect } from 'next/navigation'
import { newBusinessSchema } from './schema.ts'

/** The signed-in founder names their business; the database makes it and its owner in one go. */
export const createBusinessAction = publicAction(
  { name: 'business.create', schema: newBusinessSchema, keep: ['name', 'ownerName', 'phone', 'address'] },
  async ({ input }) => {
    const supabase = await createClient()
    const { data } = await supabase.auth.getUser()
    if (!data.user) return fail('Your session has ended. Sign in again.')
    try {
      await createOrganization(supabase, {
        name: input.name,
        ownerName: input.ownerName,
        timezone: input.timezone,
        countryCode: input.countryCode,
        currency: input.currency,
        phone: input.phone ?? null,
        address: input.address ?? null,
      })
    } catch (error) {
      if (!(error instanceof RepositoryError)) throw error
      // A second click, or a second tab: the business exists, so go to it.
      if (error.code === '23505') redirect('/customers')
      if (/time zone/i.test(error.message)) return fail('Pick a time zone from the list.', { timezone: ['Unknown time zone'] })
      if (error.code === '42501') return fail('This is a customer portal login. Sign up with another e-mail address.')
      throw error
    }
    redirect('/customers')
  },
)
