'use client'

import { usePresence } from '@repo/realtime'
import { usePortalLive } from '../live/portal-live-context'

/** Shared presence room of the business: staff and signed-in customers track themselves here. */
export function presenceRoom(organizationId: string): string {
  return `org:${organizationId}`
}

// Customers announce only that they are a customer: other customers in the room must not learn
// who they are (staff match the user id to the customer record on their side).
const customerMetadata: { kind: 'customer' | 'staff' } = { kind: 'customer' }

export function TeamOnline() {
  const { organizationId, userId } = usePortalLive()
  const { onlineUsers } = usePresence(presenceRoom(organizationId), userId, customerMetadata)
  const staff = onlineUsers.filter((u) => u.metadata.kind === 'staff')
  return (
    <p className="flex items-center gap-2 text-sm text-slate-700" data-testid="team-online">
      <span aria-hidden="true" className={staff.length > 0 ? 'size-2 rounded-full bg-emerald-600' : 'size-2 rounded-full bg-slate-400'} />
      {staff.length > 0 ? `Team online (${staff.length})` : 'Team offline'}
    </p>
  )
}
