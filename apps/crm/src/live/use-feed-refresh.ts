'use client'

import type { ChangeFeedTable } from '@repo/domain/realtime-tables'
import { type RealtimeHookState, useChangeFeed } from '@repo/realtime'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { useDebouncedRefresh } from './use-debounced-refresh.ts'

/**
 * List views: re-render when the organization's change feed reports a change to one of `tables`
 * (record pages: only changes of the row `recordId`).
 * After a reconnect the feed entries missed meanwhile arrive through `onChange` too (catch-up), so
 * the page re-renders only if one of `tables` changed; `onResync` (a re-render regardless) fires
 * only when the gap could not be caught up.
 */
export function useFeedRefresh(tables: readonly ChangeFeedTable[], recordId?: string): RealtimeHookState {
  const { organizationId } = useStaffSession()
  const refresh = useDebouncedRefresh()
  return useChangeFeed(organizationId, { tables, onChange: refresh, onResync: refresh, ...(recordId ? { recordId } : {}) })
}
