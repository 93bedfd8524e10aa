import { listCustomerProperties } from '@repo/database/repositories'
import { activeProperties } from '@repo/domain/properties'
import { parseDeliveryPreferences, parsePreferences } from '@repo/domain/notifications'
import type { Metadata } from 'next'
import { DeliveryPreferencesForm } from '@/components/profile/delivery-preferences-form'
import { NotificationPreferencesForm } from '@/components/profile/notification-preferences-form'
import { ProfileForm } from '@/components/profile/profile-form'
import { PropertiesSection } from '@/components/properties/properties-section'
import { requirePortalSession } from '@/lib/portal-session'

export const metadata: Metadata = { title: 'Profile' }

export default async function ProfilePage() {
  const { supabase, customer } = await requirePortalSession()
  const properties = activeProperties(await listCustomerProperties(supabase, customer.id))
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Profile</h1>
      <ProfileForm customer={customer} />
      <PropertiesSection properties={properties} />
      <NotificationPreferencesForm initial={parsePreferences(customer.notification_preferences)} />
      <DeliveryPreferencesForm
        initial={parseDeliveryPreferences(customer.notification_preferences)}
        hasPhone={Boolean(customer.phone)}
      />
    </div>
  )
}
