'use client'

import { LiveStatusBadge } from '@/live/live-status.tsx'
import { useOrgFeedRefresh } from '@/live/use-live-refresh.ts'
import { useStaffSession } from './staff-session.tsx'

/** Shows whether this tab is receiving live changes (the feed subscription itself refreshes nothing). */
export function OrgLiveStatus() {
  const { organizationId } = useStaffSession()
  const status = useOrgFeedRefresh(organizationId, { refresh: false })
  return <LiveStatusBadge status={status} />
}
