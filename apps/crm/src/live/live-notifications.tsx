'use client'

import { useOrganizationUpdates } from '@repo/realtime'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { useDebouncedRefresh } from './use-debounced-refresh.ts'

/** Re-renders the page when the signed-in staff member gets a notification (RLS: only theirs). */
export function LiveNotifications() {
  const { organizationId } = useStaffSession()
  const refresh = useDebouncedRefresh()
  useOrganizationUpdates('staff_notifications', organizationId, { onInsert: refresh, onUpdate: refresh })
  return null
}
