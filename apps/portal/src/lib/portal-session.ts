import 'server-only'
import { isUnavailable } from '@repo/actions/errors'
import { createClient } from '@repo/database/server'
import { getCurrentStaffMember, getPortalAccount } from '@repo/database/repositories'
import type { Client, CustomerRow, OrganizationRow } from '@repo/database/types'
import { redirect } from 'next/navigation'
import { cache } from 'react'
import { createLogger } from '@repo/actions/logger'

const log = createLogger('session')

export interface PortalSession {
  supabase: Client
  userId: string
  customer: CustomerRow
  organization: OrganizationRow
}

/**
 * The signed-in customer for this request (deduplicated across layout and page by `cache`).
 * Signed out goes to sign in; a user without a customer record (staff, or not linked yet) gets
 * the no-access page instead of a broken portal.
 */
export const requirePortalSession = cache(async (): Promise<PortalSession> => {
  const supabase = await createClient()
  const { data, error } = await supabase.auth.getUser()
  // An Auth outage is not a signed-out user: show the error page (or the action's "unavailable").
  if (error && isUnavailable(error)) throw error
  if (!data.user) redirect('/auth/login')
  // One request for customer + organization: this runs on every page render and live refresh.
  const account = await getPortalAccount(supabase, data.user.id)
  if (!account) {
    const staff = await getCurrentStaffMember(supabase).catch(() => null)
    log.info('signed-in user without a customer record', { staff: staff !== null })
    redirect(`/auth/no-access?reason=${staff ? 'staff' : 'unlinked'}`)
  }
  return { supabase, userId: data.user.id, ...account }
})
