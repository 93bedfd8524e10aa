'use server'

import { ok } from '@repo/actions/result'
import { createProperty } from '@repo/database/repositories'
import { customerAction, everywhere } from '@/lib/customer-action'
import { addPropertySchema, propertyFormFields } from './schema'

/** Adds a service address; the database keeps it unconfirmed until the office confirms it. */
export const addPropertyAction = customerAction(
  {
    name: 'properties.add',
    schema: addPropertySchema,
    keep: propertyFormFields,
    errors: { fallback: 'We could not add this property. Nothing was saved; please try again.' },
    revalidate: everywhere,
  },
  async ({ input, ctx: { supabase, customer } }) =>
    ok(
      await createProperty(supabase, {
        ...input,
        organization_id: customer.organization_id,
        customer_id: customer.id,
      }),
    ),
)
