'use client'

import { useEffect, useState } from 'react'
import type { LoyaltyCallbacks } from '../core/customer-subscriptions.ts'
import type { LoyaltyTransactionRow, RealtimeChange } from '../core/types.ts'
import type { TableHookState } from './use-table-subscription.ts'
import { useLatest } from './use-latest.ts'
import { type RealtimeHookOptions, useRealtimeSubscription } from './use-realtime-subscription.ts'

export interface LoyaltyHookOptions extends LoyaltyCallbacks, RealtimeHookOptions {
  /** The balance as loaded; live transactions are added to it. */
  initialPoints?: number
}

export interface LoyaltyHookState extends TableHookState<LoyaltyTransactionRow> {
  totalPoints: number
}

/**
 * Live loyalty transactions of a customer, with the running balance.
 * @example
 * const { totalPoints } = useLoyaltyUpdates(customerId, {
 *   initialPoints: balance,
 *   onPointsEarned: (t) => toast.success(`+${t.points} points`),
 * })
 */
export function useLoyaltyUpdates(
  customerId: string | null | undefined,
  options: LoyaltyHookOptions = {},
): LoyaltyHookState {
  const handlers = useLatest(options)
  const initialPoints = options.initialPoints ?? 0
  const [latestUpdate, setLatestUpdate] = useState<RealtimeChange<LoyaltyTransactionRow> | null>(
    null,
  )
  const [delta, setDelta] = useState(0)

  // A new balance from the server already includes everything counted so far.
  useEffect(() => {
    setDelta(0)
  }, [initialPoints])

  const state = useRealtimeSubscription(
    customerId ? `loyalty:${customerId}` : null,
    'Loyalty points',
    (client, lifecycle, core) =>
      core.subscribeToLoyaltyUpdates(client, customerId ?? '', {
        ...lifecycle,
        onPointsEarned: (transaction) => handlers.current.onPointsEarned?.(transaction),
        onPointsRedeemed: (transaction) => handlers.current.onPointsRedeemed?.(transaction),
        onChange: (change) => {
          setLatestUpdate(change)
          setDelta((current) => current + pointsDelta(change))
          handlers.current.onChange?.(change)
        },
      }),
    options,
  )
  return { ...state, latestUpdate, totalPoints: initialPoints + delta }
}

function pointsDelta(change: RealtimeChange<LoyaltyTransactionRow>): number {
  if (change.eventType === 'INSERT') return change.new.points
  if (change.eventType === 'DELETE') return -(change.old.points ?? 0)
  return change.new.points - (change.old.points ?? change.new.points)
}
