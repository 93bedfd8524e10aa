'use client'

import { organizationRoom, portalRoom, usePresence, useWatchPresence } from '@repo/realtime'
import { usePortalLive } from '../live/portal-live-context'

// The customer announces themselves only in their own portal room, which only their
// organization's staff may watch ("Online in portal now" in the CRM); staff match the user id to
// the customer record on their side.
const customerMetadata: { kind: 'customer' } = { kind: 'customer' }

/** Whether someone can answer now; "offline" would read as if the business were closed. */
export function teamPresenceText(online: number): string {
  if (online === 0) return 'No one from the team is online right now'
  return online === 1 ? '1 person from the team is online' : `${online} people from the team are online`
}

export function TeamOnline() {
  const { customerId, organizationId, userId } = usePortalLive()
  usePresence(portalRoom(customerId), userId, customerMetadata)
  // The organization's room: staff track there, customers may only watch (so no customer ever
  // learns that another is online).
  const { onlineUsers } = useWatchPresence(organizationRoom(organizationId))
  const staff = onlineUsers.filter((u) => u.metadata.kind === 'staff')
  return (
    <p className="flex items-center gap-2 text-sm text-slate-700" data-testid="team-online">
      <span aria-hidden="true" className={staff.length > 0 ? 'size-2 rounded-full bg-emerald-600' : 'size-2 rounded-full bg-slate-400'} />
      {teamPresenceText(staff.length)}
    </p>
  )
}
