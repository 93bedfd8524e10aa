'use client'

import type { ChangeFeedTable } from '@repo/domain/realtime-tables'
import { type RealtimeHookState, useChangeFeed } from '@repo/realtime'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { useDebouncedRefresh } from './use-debounced-refresh.ts'

/**
 * List views: re-render when the organization's change feed reports a change to one of `tables`,
 * and after a reconnect too, because changes made during an outage are not replayed.
 */
export function useFeedRefresh(tables: readonly ChangeFeedTable[]): RealtimeHookState {
  const { organizationId } = useStaffSession()
  const refresh = useDebouncedRefresh()
  return useChangeFeed(organizationId, { tables, onChange: refresh, onResync: refresh })
}
