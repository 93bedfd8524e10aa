'use client'

import { loadClient } from '@repo/database/client-loader'
import type { PublicSupabaseEnv } from '@repo/database/env'
import type { NotificationPreferences } from '@repo/domain/notifications'
import { RealtimeProvider } from '@repo/realtime'
import { type ReactNode, useMemo, useState } from 'react'
import { PortalLiveContext } from './portal-live-context'
import { useLiveRefresh } from './use-live-refresh'

interface Props {
  customerId: string
  organizationId: string
  timeZone: string
  /** The organization's currency, for amounts in toasts. */
  currency: string
  userId: string
  customerName: string
  unreadCount: number
  preferences: NotificationPreferences
  /**
   * The stack's public URL and key, from the server. Not read from the page's <head>: after a
   * notFound() Next renders the page in the browser from scratch, before that tag is in the DOM.
   */
  supabaseEnv: PublicSupabaseEnv
  children: ReactNode
}

/** Owns the browser client and the realtime provider for every portal page. */
export function PortalLive({ supabaseEnv, ...props }: Props) {
  // One browser client per tab: auth, REST and the realtime socket share it. Loaded beside the page.
  const [supabase] = useState(() => loadClient(supabaseEnv))
  return (
    <RealtimeProvider client={supabase}>
      <LiveState {...props} />
    </RealtimeProvider>
  )
}

function LiveState({ children, ...props }: Omit<Props, 'supabaseEnv'>) {
  const { status } = useLiveRefresh(props.customerId, props.preferences, props.timeZone, props.currency)
  const value = useMemo(
    () => ({ ...props, status }),
    [props.customerId, props.organizationId, props.timeZone, props.currency, props.userId, props.customerName, props.unreadCount, props.preferences, status],
  )
  return <PortalLiveContext.Provider value={value}>{children}</PortalLiveContext.Provider>
}
