'use client'

import { createClient } from '@repo/database/client'
import type { NotificationPreferences } from '@repo/domain/notifications'
import { RealtimeProvider } from '@repo/realtime'
import { type ReactNode, useMemo } from 'react'
import { PortalLiveContext } from './portal-live-context'
import { useLiveRefresh } from './use-live-refresh'

interface Props {
  customerId: string
  organizationId: string
  timeZone: string
  userId: string
  customerName: string
  unreadCount: number
  preferences: NotificationPreferences
  children: ReactNode
}

/** Owns the browser client and the realtime provider for every portal page. */
export function PortalLive(props: Props) {
  // One browser client per tab: auth, REST and the realtime socket share it.
  const supabase = useMemo(() => createClient(), [])
  return (
    <RealtimeProvider client={supabase}>
      <LiveState {...props} supabase={supabase} />
    </RealtimeProvider>
  )
}

function LiveState({ supabase, children, ...props }: Props & { supabase: ReturnType<typeof createClient> }) {
  const { status } = useLiveRefresh(props.customerId, props.preferences, props.timeZone)
  const value = useMemo(
    () => ({ ...props, supabase, status }),
    [props.customerId, props.organizationId, props.timeZone, props.userId, props.customerName, props.unreadCount, props.preferences, supabase, status],
  )
  return <PortalLiveContext.Provider value={value}>{children}</PortalLiveContext.Provider>
}
