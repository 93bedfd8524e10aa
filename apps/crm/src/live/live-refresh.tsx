'use client'

import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { useOrgFeedRefresh } from './use-live-refresh.ts'

/** Drop into a server-rendered list page: it re-renders when the listed tables change. */
export function LiveRefresh({ tables }: { tables: readonly string[] }) {
  const { organizationId } = useStaffSession()
  useOrgFeedRefresh(organizationId, { tables })
  return null
}
