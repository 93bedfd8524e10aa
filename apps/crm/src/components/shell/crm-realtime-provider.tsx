'use client'

import { createClient } from '@repo/database/client'
import { organizationRoom, RealtimeProvider, usePresence } from '@repo/realtime'
import { type ReactNode, useState } from 'react'
import { useStaffSession } from './staff-session.tsx'

/** The organization's presence room: staff track here; the portal's customers only watch it. */
export const orgPresenceRoom = organizationRoom

/** Announces this staff member in the organization room, so customers see that someone from the team is online. */
function StaffPresence() {
  const { organizationId, userId, fullName } = useStaffSession()
  usePresence(orgPresenceRoom(organizationId), userId, { kind: 'staff', name: fullName })
  return null
}

/** One realtime client for the CRM tab, with its socket token kept in step with the session. */
export function CrmRealtimeProvider({ children }: { children: ReactNode }) {
  // One browser client per tab: auth, REST and the realtime socket share it.
  const [client] = useState(createClient)
  return (
    <RealtimeProvider client={client}>
      <StaffPresence />
      {children}
    </RealtimeProvider>
  )
}
