'use client'

import type { NotificationPreferences } from '@repo/domain/notifications'
import { customerNotice, notifyChange, useAllUpdates } from '@repo/realtime'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef } from 'react'

/**
 * The portal's single realtime channel (every customer-facing table of the realtime registry,
 * for this customer). Every change re-renders the open page from the server (so lists, details,
 * badges and totals stay right) and raises a toast when it matters and the customer wants it.
 * After a reconnect the page re-fetches, because missed changes are not replayed.
 */
export function useLiveRefresh(customerId: string, preferences: NotificationPreferences, timeZone: string) {
  const router = useRouter()
  const context = useRef({ preferences, timeZone })
  context.current = { preferences, timeZone }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  // Bursts (a staff bulk edit) collapse into one refresh.
  const refresh = useCallback(() => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => router.refresh(), 50)
  }, [router])
  useEffect(() => () => clearTimeout(timer.current), [])

  return useAllUpdates(customerId, {
    onChange: (table, event, row, old) => {
      notifyChange(customerNotice(table, event, row, old, context.current))
      refresh()
    },
    onResync: refresh,
  })
}
