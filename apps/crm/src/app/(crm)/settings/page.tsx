import { listRewards, listServices, listTaxRates } from '@repo/database/repositories'
import { countries, timeZones } from '@repo/domain/organizations'
import { can } from '@repo/domain/staff'
import type { Metadata } from 'next'
import { RewardCatalogue } from '@/components/settings/reward-catalogue.tsx'
import { ServiceCatalogue } from '@/components/settings/service-catalogue.tsx'
import { SettingsForm } from '@/components/settings/settings-form.tsx'
import { SettingsNav } from '@/components/settings/settings-nav.tsx'
import { TaxRates } from '@/components/settings/tax-rates.tsx'
import { requireStaff } from '@/lib/staff-context.ts'

export const metadata: Metadata = { title: 'Settings' }

export default async function SettingsPage() {
  const { supabase, organization, staff } = await requireStaff()
  const [services, rewards, taxRates] = await Promise.all([
    listServices(supabase, organization.id, { includeInactive: true }),
    listRewards(supabase, organization.id, { includeInactive: true }),
    listTaxRates(supabase, organization.id, { includeInactive: true }),
  ])
  const canEdit = can(staff.role, 'settings.manage')
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Settings</h1>
      <SettingsNav
        active="general"
        showScheduling={can(staff.role, 'jobs.schedule')}
        showNotifications={canEdit}
      />
      <SettingsForm
        organization={organization}
        timeZones={timeZones()}
        countries={countries}
        canEdit={canEdit}
      />
      <ServiceCatalogue services={services} canEdit={canEdit} />
      <TaxRates rates={taxRates} canEdit={canEdit} />
      <RewardCatalogue rewards={rewards} canEdit={canEdit} />
    </div>
  )
}
