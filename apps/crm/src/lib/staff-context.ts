import 'server-only'
import { isUnavailable } from '@repo/actions/errors'
import { getStaffMembershipByUserId } from '@repo/database/repositories'
import { createClient } from '@repo/database/server'
import type { OrganizationRow, StaffMemberRow } from '@repo/database/types'
import { redirect } from 'next/navigation'
import { cache } from 'react'

export interface StaffContext {
  supabase: Awaited<ReturnType<typeof createClient>>
  userId: string
  staff: StaffMemberRow
  organization: OrganizationRow
}

/** The signed-in staff member for this request, or null (signed out, or not staff). */
export const findStaffContext = cache(async (): Promise<StaffContext | 'signed-out' | 'not-staff'> => {
  const supabase = await createClient()
  const { data, error } = await supabase.auth.getUser()
  // An Auth outage is not a signed-out user: let it surface as "unavailable", not "sign in again".
  if (error && isUnavailable(error)) throw error
  if (!data.user) return 'signed-out'
  const membership = await getStaffMembershipByUserId(supabase, data.user.id)
  if (!membership) return 'not-staff'
  const { organizations: organization, ...staff } = membership
  return { supabase, userId: data.user.id, staff, organization }
})

/** For pages: redirects to sign in, or to the "no access" page for non-staff accounts. */
export async function requireStaff(): Promise<StaffContext> {
  const context = await findStaffContext()
  if (context === 'signed-out') redirect('/auth/login')
  if (context === 'not-staff') redirect('/no-access')
  return context
}
