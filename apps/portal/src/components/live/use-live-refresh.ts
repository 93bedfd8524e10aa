'use client'

import { type ChangeNotice, describeChange, notifyChange, useAllUpdates } from '@repo/realtime'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef } from 'react'
import { type NotificationPreferences, tableKind } from '@/lib/notification-kinds'

/**
 * The portal's single realtime channel (jobs, invoices, messages, points for this customer).
 * Every change re-renders the open page from the server (so lists, details, badges and totals
 * stay right) and raises a toast when it matters and the customer wants it.
 * After a reconnect the page re-fetches, because missed changes are not replayed.
 */
export function useLiveRefresh(customerId: string, preferences: NotificationPreferences) {
  const router = useRouter()
  const prefs = useRef(preferences)
  prefs.current = preferences
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  // Bursts (a staff bulk edit) collapse into one refresh.
  const refresh = useCallback(() => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => router.refresh(), 50)
  }, [router])
  useEffect(() => () => clearTimeout(timer.current), [])

  const toast = useCallback((table: string, notice: ChangeNotice | null) => {
    const kind = tableKind[table]
    if (kind && !prefs.current[kind]) return
    if (notice) notifyChange(notice)
  }, [])

  return useAllUpdates(customerId, {
    onJobInsert: (row) => {
      toast('jobs', describeChange('jobs', 'INSERT', row))
      refresh()
    },
    onJobUpdate: (row, old) => {
      toast('jobs', describeChange('jobs', 'UPDATE', row, old))
      refresh()
    },
    onInvoiceInsert: (row) => {
      toast('invoices', describeChange('invoices', 'INSERT', row))
      refresh()
    },
    onInvoiceUpdate: (row, old) => {
      toast('invoices', describeChange('invoices', 'UPDATE', row, old))
      refresh()
    },
    onNewMessage: (row) => {
      // Customers' own messages are not news to them.
      if (row.sender_type === 'staff') toast('messages', describeChange('messages', 'INSERT', row))
      refresh()
    },
    onMessageRead: refresh,
    onMessageDeleted: refresh,
    onPointsEarned: (row) => {
      toast('loyalty_transactions', describeChange('loyalty_transactions', 'INSERT', row))
      refresh()
    },
    onPointsRedeemed: (row) => {
      toast('loyalty_transactions', describeChange('loyalty_transactions', 'INSERT', row))
      refresh()
    },
    onResync: refresh,
  })
}
