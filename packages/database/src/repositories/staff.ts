import type { Client, RowInsert, RowUpdate, StaffMemberRow } from '../types.ts'
import { RepositoryError, unwrap, unwrapOne } from './errors.ts'
import { assertUuid } from './validate.ts'

/** The staff record of the signed-in user (first active one), or null for non-staff. */
export async function getCurrentStaffMember(client: Client): Promise<StaffMemberRow | null> {
  const auth = await currentUser(client)
  if (!auth.user) return null
  const result = await client
    .from('staff_members')
    .select('*')
    .eq('user_id', auth.user.id)
    .eq('active', true)
    .order('created_at', { ascending: true })
    .limit(1)
  return unwrap(result, 'loading current staff member')[0] ?? null
}

async function currentUser(client: Client) {
  try {
    return (await client.auth.getUser()).data
  } catch (error) {
    // Clients built with the `accessToken` option have no auth API to ask.
    throw new RepositoryError(
      `cannot tell who is signed in: ${(error as Error).message}`,
      'no_auth_api',
    )
  }
}

export async function listStaff(
  client: Client,
  organizationId: string,
  options: { includeInactive?: boolean } = {},
): Promise<StaffMemberRow[]> {
  const id = assertUuid(organizationId, 'organizationId')
  let query = client.from('staff_members').select('*').eq('organization_id', id)
  if (!options.includeInactive) query = query.eq('active', true)
  return unwrap(await query.order('full_name', { ascending: true }).order('id', { ascending: true }), 'listing staff')
}

export async function getStaffMember(client: Client, staffId: string): Promise<StaffMemberRow> {
  const id = assertUuid(staffId, 'staffId')
  const result = await client.from('staff_members').select('*').eq('id', id).maybeSingle()
  return unwrapOne(result, 'loading staff member', 'staff member', id)
}

export async function createStaffMember(
  client: Client,
  input: RowInsert<'staff_members'>,
): Promise<StaffMemberRow> {
  assertUuid(input.organization_id, 'organization_id')
  return unwrap(
    await client.from('staff_members').insert(input).select('*').single(),
    'creating staff member',
  )
}

export async function updateStaffMember(
  client: Client,
  staffId: string,
  patch: RowUpdate<'staff_members'>,
): Promise<StaffMemberRow> {
  const id = assertUuid(staffId, 'staffId')
  const result = await client
    .from('staff_members')
    .update(patch)
    .eq('id', id)
    .select('*')
    .maybeSingle()
  return unwrapOne(result, 'updating staff member', 'staff member', id)
}
