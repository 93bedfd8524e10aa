import { getStaffDigestSetting, listStaffNotifications } from '@repo/database/repositories'
import type { Metadata } from 'next'
import { DigestForm } from '@/components/notifications/digest-form.tsx'
import { NotificationList } from '@/components/notifications/notification-list.tsx'
import { LiveNotifications } from '@/live/live-notifications.tsx'
import { requireStaff } from '@/lib/staff-context.ts'

export const metadata: Metadata = { title: 'Notifications' }

export default async function NotificationsPage() {
  const { supabase, staff, organization } = await requireStaff()
  const [inbox, digest] = await Promise.all([
    listStaffNotifications(supabase, { limit: 100 }),
    getStaffDigestSetting(supabase, staff.id),
  ])
  const frequency = digest?.frequency
  return (
    <>
      <LiveNotifications />
      <NotificationList notifications={inbox.notifications} unread={inbox.unread} />
      <section
        aria-labelledby="digest-heading"
        className="mt-6 space-y-3 rounded-xl border border-slate-200 bg-white p-4 md:p-6"
      >
        <h2 id="digest-heading" className="text-lg font-semibold">
          E-mail digest
        </h2>
        <DigestForm
          frequency={frequency === 'hourly' || frequency === 'daily' ? frequency : 'off'}
          hour={digest?.hour ?? 7}
          timeZone={organization.timezone}
        />
      </section>
    </>
  )
}
