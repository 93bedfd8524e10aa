import { nullIfNotFound } from '@repo/actions/errors'
import { type ActionFailure, fail } from '@repo/actions/result'
import { getProperty } from '@repo/database/repositories'
import type { Client } from '@repo/database/types'

const wrongProperty = () =>
  fail('That property is not one of this customer’s addresses.', {
    propertyId: ['Choose one of this customer’s properties.'],
  })

/**
 * Refuses a property that is not the customer's or is archived (new work goes to a usable address).
 * The database's key checks the customer too; this says it on the field, before anything is saved.
 */
export async function refuseWrongProperty(
  supabase: Client,
  customerId: string,
  propertyId: string | null,
): Promise<ActionFailure | null> {
  if (propertyId === null) return null
  const property = await nullIfNotFound(getProperty(supabase, propertyId))
  if (!property || property.customer_id !== customerId) return wrongProperty()
  if (property.archived_at !== null) {
    return fail('That property is archived.', {
      propertyId: ['This property is archived: choose another or restore it.'],
    })
  }
  return null
}

/** Staff read when new work is refused because the customer is archived. */
export const archivedCustomer = () =>
  fail('This customer is archived; restore them before adding new work.', {
    customerId: ['This customer is archived: restore them on their record first.'],
  })
