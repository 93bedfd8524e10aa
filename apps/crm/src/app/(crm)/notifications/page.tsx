import { listStaffNotifications } from '@repo/database/repositories'
import type { Metadata } from 'next'
import { NotificationList } from '@/components/notifications/notification-list.tsx'
import { LiveNotifications } from '@/live/live-notifications.tsx'
import { requireStaff } from '@/lib/staff-context.ts'

export const metadata: Metadata = { title: 'Notifications' }

export default async function NotificationsPage() {
  const { supabase } = await requireStaff()
  const inbox = await listStaffNotifications(supabase, { limit: 100 })
  return (
    <>
      <LiveNotifications />
      <NotificationList notifications={inbox.notifications} unread={inbox.unread} />
    </>
  )
}
