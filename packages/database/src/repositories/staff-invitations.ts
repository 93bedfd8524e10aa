import { z } from 'zod'
import type { Client, InvitationCopy, StaffMemberRow, StaffRole } from '../types.ts'
import { fromAuthError, RepositoryError, unwrap } from './errors.ts'
import { getStaffMember } from './staff.ts'
import { assertUuid, parseInput } from './validate.ts'

export interface StaffInvitation {
  organizationId: string
  email: string
  fullName: string
  /** Owners are made by create_organization(), not invited. */
  role: Exclude<StaffRole, 'owner'>
  /** The CRM's /auth/confirm, where the e-mail's link lands. */
  redirectTo: string
  copy: InvitationCopy
}

const invitationSchema = z.object({
  organizationId: z.uuid(),
  email: z.email().max(254),
  fullName: z.string().trim().min(1).max(200),
  role: z.enum(['admin', 'office', 'technician']),
  redirectTo: z.url(),
})

/**
 * Invites a team member by e-mail. The staff row is written with the inviter's own client, so RLS
 * decides who may invite (owners and admins); the login is then created and linked with the
 * service-role client. If either step fails the other is undone: nothing half-made stays.
 */
export async function inviteStaffMember(
  client: Client,
  admin: Client,
  input: StaffInvitation,
): Promise<StaffMemberRow> {
  const valid = parseInput(invitationSchema, input, 'invitation')
  const email = valid.email.toLowerCase()
  const taken = unwrap(
    await client
      .from('staff_members')
      .select('id')
      .eq('organization_id', valid.organizationId)
      .ilike('email', email)
      .limit(1),
    'checking the team',
  )
  if (taken.length > 0) throw new RepositoryError(`${email} is already on the team`, 'already_staff')
  const row: StaffMemberRow = unwrap(
    await client
      .from('staff_members')
      .insert({
        organization_id: valid.organizationId,
        full_name: valid.fullName,
        email,
        role: valid.role,
        invited_at: new Date().toISOString(),
      })
      .select('*')
      .single(),
    'adding the team member',
  )
  const undoRow = () => client.from('staff_members').delete().eq('id', row.id)
  const invited = await admin.auth.admin.inviteUserByEmail(email, {
    redirectTo: valid.redirectTo,
    data: { ...input.copy, full_name: valid.fullName },
  })
  if (invited.error || !invited.data.user) {
    await undoRow()
    throw invited.error
      ? fromAuthError(invited.error, 'inviting the team member', 'auth_error')
      : new RepositoryError('inviting the team member failed: no user returned', 'auth_error')
  }
  const userId = invited.data.user.id
  const linked = await admin.from('staff_members').update({ user_id: userId }).eq('id', row.id).select('*').single()
  if (linked.error) {
    await admin.auth.admin.deleteUser(userId)
    await undoRow()
  }
  return unwrap(linked, 'linking the team member’s login')
}

/**
 * Withdraws an invitation nobody accepted yet: the staff row goes (with the inviter's client, so RLS
 * applies) and so does the unused login.
 */
export async function revokeStaffInvitation(client: Client, admin: Client, staffId: string): Promise<void> {
  const member = await getStaffMember(client, assertUuid(staffId, 'staffId'))
  if (!member.invited_at || member.joined_at) {
    throw new RepositoryError('only an invitation that was not accepted can be withdrawn', 'not_pending')
  }
  unwrap(
    await client.from('staff_members').delete().eq('id', member.id).select('id').single(),
    'withdrawing the invitation',
  )
  if (member.user_id) {
    const removed = await admin.auth.admin.deleteUser(member.user_id)
    if (removed.error) throw fromAuthError(removed.error, 'deleting the unused login', 'auth_error')
  }
}
