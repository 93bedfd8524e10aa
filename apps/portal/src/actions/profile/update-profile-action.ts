'use server'

import { ok } from '@repo/actions/result'
import { updateCustomer } from '@repo/database/repositories'
import { customerAction, everywhere } from '@/lib/customer-action'
import { profileSchema } from './schema'

export const updateProfileAction = customerAction(
  {
    name: 'profile.update',
    schema: profileSchema,
    // Every field is shown again after a refusal (none of them is secret).
    keep: Object.keys(profileSchema.shape),
    errors: { fallback: 'Your details could not be saved.' },
    revalidate: everywhere,
  },
  async ({ input, ctx: { supabase, customer } }) => ok(await updateCustomer(supabase, customer.id, input)),
)
