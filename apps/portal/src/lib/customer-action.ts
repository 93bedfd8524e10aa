import 'server-only'
import { createLogger } from '@repo/actions/logger'
import { createActionClient } from '@repo/actions/server'
import { type PortalSession, requirePortalSession } from './portal-session'

/**
 * Every customer Server Action: `customerAction({ name, schema }, async ({ input, ctx }) => …)`.
 * The signed-in customer comes from the session (signed-out callers are sent to sign in); RLS
 * limits every query to their own rows. Messages speak to a customer, not to staff.
 */
export const customerAction = createActionClient<PortalSession>({
  context: requirePortalSession,
  identify: (session) => ({ customerId: session.customer.id }),
  logger: createLogger('action'),
  invalidMessage: 'Please check the highlighted fields.',
  wording: {
    not_found: 'That item is no longer available.',
    forbidden: 'You are not allowed to do that.',
  },
})

/** Everything a customer sees hangs off the portal layout: refresh all of it after a change. */
export const everywhere = [{ path: '/', type: 'layout' }] as const
