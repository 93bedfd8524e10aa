import type { Client, OrganizationRow, RowUpdate } from '../types.ts'
import { unwrapOne, ValidationError } from './errors.ts'
import { assertUuid } from './validate.ts'

export async function getOrganization(
  client: Client,
  organizationId: string,
): Promise<OrganizationRow> {
  const id = assertUuid(organizationId, 'organizationId')
  const result = await client.from('organizations').select('*').eq('id', id).maybeSingle()
  return unwrapOne(result, 'loading organization', 'organization', id)
}

export async function getOrganizationBySlug(
  client: Client,
  slug: string,
): Promise<OrganizationRow> {
  if (!/^[a-z0-9-]{1,100}$/.test(slug))
    throw new ValidationError('slug', 'must be lowercase letters, digits and dashes')
  const result = await client.from('organizations').select('*').eq('slug', slug).maybeSingle()
  return unwrapOne(result, 'loading organization', 'organization', slug)
}

export async function updateOrganization(
  client: Client,
  organizationId: string,
  patch: RowUpdate<'organizations'>,
): Promise<OrganizationRow> {
  const id = assertUuid(organizationId, 'organizationId')
  const result = await client
    .from('organizations')
    .update(patch)
    .eq('id', id)
    .select('*')
    .maybeSingle()
  return unwrapOne(result, 'updating organization', 'organization', id)
}
