'use client'

import type { NotificationPreferences } from '@repo/domain/notifications'
import { notifyChange, useAllUpdates } from '@repo/realtime'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef } from 'react'

// The customers' toast wording for every kind of change loads with the first change, not with
// every page.
const wording = () => import('@repo/domain/realtime-tables')

/**
 * The portal's single realtime channel (every customer-facing table of the realtime registry,
 * for this customer). Every change re-renders the open page from the server (so lists, details,
 * badges and totals stay right) and raises a toast when it matters and the customer wants it.
 * After a reconnect the changes missed meanwhile are caught up from the customer's change feed and
 * re-render the page once, without toasts (they are not news any more, and only their current rows
 * are known); the page re-fetches regardless only when they could not be caught up (`onResync`).
 */
export function useLiveRefresh(
  customerId: string,
  preferences: NotificationPreferences,
  timeZone: string,
  currency: string,
) {
  const router = useRouter()
  const context = useRef({ preferences, timeZone, currency })
  context.current = { preferences, timeZone, currency }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  // Bursts (a staff bulk edit) collapse into one refresh.
  const refresh = useCallback(() => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => router.refresh(), 50)
  }, [router])
  useEffect(() => () => clearTimeout(timer.current), [])
  const catchingUp = useRef(false)
  // Each change's toast, in arrival order; the wording loads with the first one.
  const toasts = useRef<Promise<void>>(Promise.resolve())

  return useAllUpdates(customerId, {
    onChange: (table, event, row, old) => {
      if (!catchingUp.current) {
        const at = context.current
        toasts.current = toasts.current
          .then(wording)
          .then(({ customerNotice }) => {
            notifyChange(customerNotice(table, event, row, old, at))
          })
          // A toast whose wording could not load is not shown; the page still refreshes.
          .catch(() => undefined)
      }
      refresh()
    },
    onCatchUpStart: () => {
      catchingUp.current = true
    },
    onCatchUp: () => {
      catchingUp.current = false
    },
    onResync: refresh,
  })
}
