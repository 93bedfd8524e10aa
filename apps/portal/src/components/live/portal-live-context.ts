'use client'

import type { NotificationPreferences } from '@repo/domain/notifications'
import type { RealtimeStatus } from '@repo/realtime'
import { createContext, useContext } from 'react'

export type LiveStatus = RealtimeStatus

export interface PortalLiveValue {
  customerId: string
  organizationId: string
  /** The organization's time zone: every date is shown and entered in it. */
  timeZone: string
  /** The organization's currency (ISO 4217). */
  currency: string
  userId: string
  customerName: string
  status: LiveStatus
  unreadCount: number
  preferences: NotificationPreferences
}

export const PortalLiveContext = createContext<PortalLiveValue | null>(null)

/** The portal's live state: one realtime channel for the whole session, and who it is for. */
export function usePortalLive(): PortalLiveValue {
  const value = useContext(PortalLiveContext)
  if (!value) throw new Error('usePortalLive must be used inside <PortalLive>')
  return value
}
