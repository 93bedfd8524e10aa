'use server'

import { ok } from '@repo/actions/result'
import { updateCustomer } from '@repo/database/repositories'
import { customerAction, everywhere } from '@/lib/customer-action'
import { deliveryPreferencesSchema } from './schema'

export const updateDeliveryPreferencesAction = customerAction(
  {
    name: 'profile.delivery-preferences',
    schema: deliveryPreferencesSchema,
    invalid: 'Unknown notification setting.',
    errors: { fallback: 'Your e-mail and text settings could not be saved.' },
    revalidate: everywhere,
  },
  async ({ input, ctx: { supabase, customer } }) => {
    // Merge: the pop-up switches live in the same column.
    const current = (customer.notification_preferences ?? {}) as Record<string, unknown>
    await updateCustomer(supabase, customer.id, {
      notification_preferences: { ...current, ...input },
    })
    return ok(input)
  },
)
