// A customer's service addresses as the portal shows them.
import type { PropertyRow } from '@repo/database/types'

type Address = Pick<
  PropertyRow,
  'address_line1' | 'address_line2' | 'city' | 'region' | 'postal_code'
>

/** `1204 Barton Hills Dr, Apt 2, Austin, TX 78704`: the parts that are there, in postal order. */
export function formatPropertyAddress(property: Address): string {
  const regionLine = [property.region, property.postal_code]
    .map((p) => p?.trim())
    .filter(Boolean)
    .join(' ')
  return [property.address_line1, property.address_line2, property.city, regionLine]
    .map((p) => p?.trim())
    .filter(Boolean)
    .join(', ')
}

/** Added by the customer and not yet confirmed by the office. */
export function isAwaitingConfirmation(property: Pick<PropertyRow, 'confirmed_at'>): boolean {
  return property.confirmed_at === null
}

export const AWAITING_CONFIRMATION_LABEL = 'Waiting for confirmation'

/** The property a booking goes to unless the customer picks another: the main one, else the first. */
export function defaultPropertyId(
  properties: readonly Pick<PropertyRow, 'id' | 'is_primary'>[],
): string | null {
  return (properties.find((p) => p.is_primary) ?? properties[0])?.id ?? null
}

/** The properties a customer can book at or edit (archived ones are history). */
export function activeProperties<P extends Pick<PropertyRow, 'archived_at'>>(
  properties: readonly P[],
): P[] {
  return properties.filter((p) => p.archived_at === null)
}
