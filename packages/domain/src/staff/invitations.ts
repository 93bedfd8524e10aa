// Invitations: what the e-mail says (supabase/templates/invite.html shows the title and text), and
// where a team member stands.
import type { InvitationCopy, StaffMemberRow } from '@repo/database/types'
import type { StaffRole } from './staff-roles.ts'

export type { InvitationCopy }

/** Owners found a business (create_organization); everyone else is invited. */
export type InvitableRole = Exclude<StaffRole, 'owner'>
export const invitableRoles: readonly InvitableRole[] = ['admin', 'office', 'technician']

export const staffRoleLabel: Record<StaffRole, string> = {
  owner: 'Owner',
  admin: 'Admin',
  office: 'Office',
  technician: 'Technician',
}

const roleWork: Record<InvitableRole, string> = {
  admin: 'to help run the business',
  office: 'to look after customers, the schedule and invoices',
  technician: 'to see and work your jobs',
}

export function portalInvitationCopy(businessName: string): InvitationCopy {
  return {
    invitation_title: `You're invited to ${businessName}'s customer portal`,
    invitation_text:
      'See your appointments, quotes, invoices and messages in one place, and book or pay online.',
  }
}

export function staffInvitationCopy(businessName: string, role: InvitableRole): InvitationCopy {
  return {
    invitation_title: `Join ${businessName} on the team's CRM`,
    invitation_text: `You're invited as ${staffRoleLabel[role].toLowerCase()} ${roleWork[role]}. Accept, choose a password, and you're in.`,
  }
}

export type MembershipState = 'invited' | 'active' | 'inactive'

/** Invited until they first sign in through the link; then active until deactivated. */
export function membershipState(member: Pick<StaffMemberRow, 'active' | 'invited_at' | 'joined_at'>): MembershipState {
  if (!member.active) return 'inactive'
  return member.invited_at && !member.joined_at ? 'invited' : 'active'
}

export const membershipStateLabel: Record<MembershipState, string> = {
  invited: 'Invited',
  active: 'Active',
  inactive: 'Inactive',
}
