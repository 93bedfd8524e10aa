'use server'

import { ok } from '@repo/actions/result'
import { updateCustomer } from '@repo/database/repositories'
import { customerAction, everywhere } from '@/lib/customer-action'
import { preferencesSchema } from './schema'

export const updatePreferencesAction = customerAction(
  {
    name: 'profile.preferences',
    schema: preferencesSchema,
    invalid: 'Unknown notification setting.',
    errors: { fallback: 'Your notification settings could not be saved.' },
    revalidate: everywhere,
  },
  async ({ input, ctx: { supabase, customer } }) => {
    // Merge so keys other features may store in the same column survive.
    const current = (customer.notification_preferences ?? {}) as Record<string, unknown>
    await updateCustomer(supabase, customer.id, { notification_preferences: { ...current, ...input } })
    return ok(input)
  },
)
