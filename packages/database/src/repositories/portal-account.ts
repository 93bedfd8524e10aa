import type { Client, CustomerRow, OrganizationRow } from '../types.ts'
import { unwrap } from './errors.ts'
import { assertUuid } from './validate.ts'

export interface PortalAccount {
  customer: CustomerRow
  organization: OrganizationRow
}

/**
 * The portal user's customer record with its organization, in one request (every portal page
 * needs both, so this keeps the first paint and live refreshes to a single round trip).
 * Null when the user has no customer record (staff, or a login not linked yet).
 */
export async function getPortalAccount(client: Client, userId: string): Promise<PortalAccount | null> {
  const id = assertUuid(userId, 'userId')
  const result = await client
    .from('customers')
    .select('*, organization:organizations!customers_organization_id_fkey(*)')
    .eq('portal_user_id', id)
    .maybeSingle()
  const row = result.error ? unwrap(result, 'loading portal account') : result.data
  if (!row) return null
  const { organization, ...customer } = row
  if (!organization) return null
  return { customer, organization }
}
