import type { Client, PropertyRow, RowInsert, RowUpdate } from '../types.ts'
import { unwrap, unwrapOne } from './errors.ts'
import { assertUuid } from './validate.ts'

/** A customer's service addresses: the main one first, then by age; archived ones last. */
export async function listCustomerProperties(
  client: Client,
  customerId: string,
): Promise<PropertyRow[]> {
  const result = await client
    .from('properties')
    .select('*')
    .eq('customer_id', assertUuid(customerId, 'customerId'))
    .order('archived_at', { ascending: true, nullsFirst: true })
    .order('is_primary', { ascending: false })
    .order('created_at', { ascending: true })
    .order('id', { ascending: true })
  return unwrap(result, 'listing properties')
}

/** Properties by id (the jobs on a page name theirs), in no particular order. */
export async function getPropertiesByIds(
  client: Client,
  ids: readonly string[],
): Promise<PropertyRow[]> {
  const unique = [...new Set(ids.filter(Boolean))].map((id, i) => assertUuid(id, `ids.${i}`))
  if (unique.length === 0) return []
  return unwrap(await client.from('properties').select('*').in('id', unique), 'loading properties')
}

/** Properties customers added that wait for the office, oldest first. */
export async function listUnconfirmedProperties(
  client: Client,
  organizationId: string,
): Promise<PropertyRow[]> {
  const result = await client
    .from('properties')
    .select('*')
    .eq('organization_id', assertUuid(organizationId, 'organizationId'))
    .is('confirmed_at', null)
    .is('archived_at', null)
    .order('created_at', { ascending: true })
    .limit(200)
  return unwrap(result, 'listing properties to confirm')
}

export async function createProperty(
  client: Client,
  input: RowInsert<'properties'>,
): Promise<PropertyRow> {
  assertUuid(input.organization_id, 'organization_id')
  assertUuid(input.customer_id, 'customer_id')
  return unwrap(
    await client.from('properties').insert(input).select('*').single(),
    'adding the property',
  )
}

/** Changes a property; a customer may change only its label and access notes (the database says so). */
export async function updateProperty(
  client: Client,
  propertyId: string,
  patch: RowUpdate<'properties'>,
): Promise<PropertyRow> {
  const id = assertUuid(propertyId, 'propertyId')
  return unwrapOne(
    await client.from('properties').update(patch).eq('id', id).select('*').maybeSingle(),
    'updating the property',
    'property',
    id,
  )
}

export async function getProperty(client: Client, propertyId: string): Promise<PropertyRow> {
  const id = assertUuid(propertyId, 'propertyId')
  return unwrapOne(
    await client.from('properties').select('*').eq('id', id).maybeSingle(),
    'loading the property',
    'property',
    id,
  )
}
