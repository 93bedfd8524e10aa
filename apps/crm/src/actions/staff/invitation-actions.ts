'use server'

import { nullIfNotFound } from '@repo/actions/errors'
import { fail, ok } from '@repo/actions/result'
import { readCrmUrl } from '@repo/database/env'
import { getStaffMember, inviteStaffMember, resendInvite, revokeStaffInvitation } from '@repo/database/repositories'
import { createClient as createServiceRoleClient } from '@repo/database/service-role'
import { membershipState, staffInvitationCopy } from '@repo/domain/staff'
import { staffAction } from '@/lib/staff-action.ts'
import { mailRateLimited } from '../invitation-mail.ts'
import { staffIdSchema, staffInviteSchema } from './schema.ts'

// The inviter's own client writes and reads the staff rows (RLS: owners and admins); the service
// role only creates, mails and removes the login, and never leaves this module.
const crmRedirect = () => new URL('/auth/confirm', readCrmUrl()).toString()

const inviteErrors = {
  codes: {
    already_staff: 'This person is already on the team.',
    email_exists: 'This e-mail address already has a login (a customer or another business). Use another address.',
    ...mailRateLimited,
  },
}

export const inviteStaffAction = staffAction(
  { name: 'staff.invite', schema: staffInviteSchema, role: 'staff.invite', errors: inviteErrors, revalidate: ['/staff'] },
  async ({ input, ctx: { supabase, organization } }) => {
    const member = await inviteStaffMember(supabase, createServiceRoleClient(), {
      organizationId: organization.id,
      email: input.email,
      fullName: input.fullName,
      role: input.role,
      redirectTo: crmRedirect(),
      copy: staffInvitationCopy(organization.name, input.role),
    })
    return ok(member)
  },
)

export const resendStaffInviteAction = staffAction(
  { name: 'staff.invite.resend', schema: staffIdSchema, role: 'staff.invite', errors: inviteErrors },
  async ({ input, ctx: { supabase, organization } }) => {
    const member = await nullIfNotFound(getStaffMember(supabase, input.staffId))
    if (!member || membershipState(member) !== 'invited' || !member.email || member.role === 'owner') {
      return fail('There is no open invitation to resend.')
    }
    await resendInvite(createServiceRoleClient(), member.email, crmRedirect(), staffInvitationCopy(organization.name, member.role))
    return ok(null)
  },
)

export const revokeStaffInviteAction = staffAction(
  { name: 'staff.invite.revoke', schema: staffIdSchema, role: 'staff.invite', errors: { codes: { not_pending: 'They already accepted: deactivate them instead.' } }, revalidate: ['/staff'] },
  async ({ input, ctx: { supabase } }) => {
    await revokeStaffInvitation(supabase, createServiceRoleClient(), input.staffId)
    return ok(null)
  },
)
