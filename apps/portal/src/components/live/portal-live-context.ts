'use client'

import type { Client } from '@repo/database/types'
import { createContext, useContext } from 'react'
import type { NotificationPreferences } from '@/lib/notification-kinds'

export type LiveStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected'

export interface PortalLiveValue {
  supabase: Client
  customerId: string
  organizationId: string
  userId: string
  customerName: string
  status: LiveStatus
  unreadCount: number
  preferences: NotificationPreferences
}

export const PortalLiveContext = createContext<PortalLiveValue | null>(null)

/** The portal's live state: one browser client and one realtime channel for the whole session. */
export function usePortalLive(): PortalLiveValue {
  const value = useContext(PortalLiveContext)
  if (!value) throw new Error('usePortalLive must be used inside <PortalLive>')
  return value
}
