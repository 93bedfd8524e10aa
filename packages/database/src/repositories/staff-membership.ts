import type { Client, OrganizationRow, StaffMemberRow } from '../types.ts'
import { unwrap } from './errors.ts'
import { assertUuid } from './validate.ts'

export type StaffMembership = StaffMemberRow & { organizations: OrganizationRow }

/**
 * A signed-in user's active staff row with its organization, in one request (every CRM render
 * needs both). The caller already knows the user id, so no extra auth round trip is made.
 */
export async function getStaffMembershipByUserId(
  client: Client,
  userId: string,
): Promise<StaffMembership | null> {
  const id = assertUuid(userId, 'userId')
  const rows = unwrap(
    await client
      .from('staff_members')
      .select('*, organizations(*)')
      .eq('user_id', id)
      .eq('active', true)
      .order('created_at', { ascending: true })
      .limit(1),
    'loading staff membership',
  ) as unknown as StaffMembership[]
  const row = rows[0]
  return row?.organizations ? row : null
}
