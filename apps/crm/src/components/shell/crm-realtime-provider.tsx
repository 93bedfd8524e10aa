'use client'

import { loadClient } from '@repo/database/client-loader'
import type { PublicSupabaseEnv } from '@repo/database/env'
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

/**
 * One realtime client for the CRM tab, with its socket token kept in step with the session.
 * `env` comes from the server layout: when Next renders a 404 in the browser (its HTML is an empty
 * error shell), this renders before the root layout's env script is in the document.
 */
export function CrmRealtimeProvider({ env, children }: { env: PublicSupabaseEnv; children: ReactNode }) {
  // One browser client per tab: auth, REST and the realtime socket share it. Loaded beside the page.
  const [client] = useState(() => loadClient(env))
  return (
    <RealtimeProvider client={client}>
      <StaffPresence />
      {children}
    </RealtimeProvider>
  )
}
