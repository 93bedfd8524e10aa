'use server'

import { ok } from '@repo/actions/result'
import { updateProperty } from '@repo/database/repositories'
import { customerAction, everywhere } from '@/lib/customer-action'
import { updatePropertySchema } from './schema'

/** Renames a property or changes its access notes (all a customer may change; the database checks). */
export const updatePropertyAction = customerAction(
  {
    name: 'properties.update',
    schema: updatePropertySchema,
    keep: ['label', 'access_notes'],
    errors: { fallback: 'We could not save this property. Nothing was changed; please try again.' },
    revalidate: everywhere,
  },
  async ({ input, ctx: { supabase } }) =>
    ok(
      await updateProperty(supabase, input.propertyId, {
        label: input.label,
        access_notes: input.access_notes,
      }),
    ),
)
