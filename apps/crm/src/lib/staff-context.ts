import 'server-only'
import { getStaffMembershipByUserId } from '@repo/database/repositories'
import type { OrganizationRow, StaffMemberRow } from '@repo/database/types'
import { redirect } from 'next/navigation'
import { cache } from 'react'
import { findSignedInUser, type SignedIn } from './signed-in-user.ts'

export interface StaffContext {
  supabase: SignedIn['supabase']
  userId: string
  staff: StaffMemberRow
  organization: OrganizationRow
}

/** The signed-in staff member for this request, or null (signed out, or not staff). */
export const findStaffContext = cache(async (): Promise<StaffContext | 'signed-out' | 'not-staff'> => {
  const signedIn = await findSignedInUser()
  if (!signedIn) return 'signed-out'
  const { supabase, user } = signedIn
  const membership = await getStaffMembershipByUserId(supabase, user.id)
  if (!membership) return 'not-staff'
  const { organizations: organization, ...staff } = membership
  return { supabase, userId: user.id, staff, organization }
})

/** For pages: redirects to sign in, or to the "no access" page for non-staff accounts. */
export async function requireStaff(): Promise<StaffContext> {
  const context = await findStaffContext()
  if (context === 'signed-out') redirect('/auth/login')
  if (context === 'not-staff') redirect('/no-access')
  return context
}
