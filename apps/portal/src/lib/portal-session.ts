import 'server-only'
import { isUnavailable } from '@repo/actions/errors'
import { createClient, getServerSession } from '@repo/database/server'
import { countUnread, getCurrentStaffMember, getPortalAccount } from '@repo/database/repositories'
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
 * The signed-in customer for this request, computed once per request (`cache`: the layout, the
 * page and its components share it). The session is verified from the cookies without asking Auth
 * when tokens are asymmetric (see `getServerSession`). Signed out goes to sign in; a user without a
 * customer record (staff, or not linked yet) gets the no-access page instead of a broken portal.
 */
export const requirePortalSession = cache(async (): Promise<PortalSession> => {
  const { session, error } = await getServerSession()
  // An Auth outage is not a signed-out user: show the error page (or the action's "unavailable").
  if (error && isUnavailable(error)) throw error
  if (!session) redirect('/auth/login')
  const { supabase, userId } = session
  // One request for customer + organization: this runs on every page render and live refresh.
  const account = await getPortalAccount(supabase, userId)
  if (!account) {
    // Rare: the cookie client has the auth API the staff lookup asks.
    const staff = await getCurrentStaffMember(await createClient()).catch(() => null)
    log.info('signed-in user without a customer record', { staff: staff !== null })
    redirect(`/auth/no-access?reason=${staff ? 'staff' : 'unlinked'}`)
  }
  return { supabase, userId, ...account }
})

/** Unread messages from the team, read once per request for the navigation badge and the dashboard. */
export const loadUnreadCount = cache(async (): Promise<number> => {
  const { supabase, customer } = await requirePortalSession()
  return countUnread(supabase, customer.id, 'staff')
})
