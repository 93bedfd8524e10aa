import { parsePreferences } from '@repo/domain/notifications'
import type { Metadata } from 'next'
import { NotificationPreferencesForm } from '@/components/profile/notification-preferences-form'
import { ProfileForm } from '@/components/profile/profile-form'
import { requirePortalSession } from '@/lib/portal-session'

export const metadata: Metadata = { title: 'Profile' }

export default async function ProfilePage() {
  const { customer } = await requirePortalSession()
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Profile</h1>
      <ProfileForm customer={customer} />
      <NotificationPreferencesForm initial={parsePreferences(customer.notification_preferences)} />
    </div>
  )
}
