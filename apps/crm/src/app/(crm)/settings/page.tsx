import { countries, timeZones } from '@repo/domain/organizations'
import { can } from '@repo/domain/staff'
import type { Metadata } from 'next'
import { SettingsForm } from '@/components/settings/settings-form.tsx'
import { requireStaff } from '@/lib/staff-context.ts'

export const metadata: Metadata = { title: 'Settings' }

export default async function SettingsPage() {
  const { organization, staff } = await requireStaff()
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Settings</h1>
      <SettingsForm
        organization={organization}
        timeZones={timeZones()}
        countries={countries}
        canEdit={can(staff.role, 'settings.manage')}
      />
    </div>
  )
}
