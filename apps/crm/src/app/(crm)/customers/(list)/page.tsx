import { getSetupFacts, searchCustomerDirectory } from '@repo/database/repositories'
import { setupSteps } from '@repo/domain/organizations'
import { can } from '@repo/domain/staff'
import { Button } from '@repo/ui/button'
import type { Metadata } from 'next'
import Link from 'next/link'
import { CustomersGrid } from '@/components/customers/customers-grid.tsx'
import { ExportCsvButton } from '@/components/export/export-csv-button.tsx'
import { SetupChecklist } from '@/components/settings/setup-checklist.tsx'
import { pageSize, parseCustomerGridQuery } from '@/lib/customer-query.ts'
import { requireStaff } from '@/lib/staff-context.ts'

export const metadata: Metadata = { title: 'Customers' }

export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { supabase, organization, staff } = await requireStaff()
  const query = parseCustomerGridQuery(await searchParams)
  // A new business's first steps, for whoever runs it, until done or hidden.
  const checklist =
    organization.setup_completed_at === null && can(staff.role, 'settings.manage')
      ? setupSteps(await getSetupFacts(supabase, organization))
      : null
  const { rows, total } = await searchCustomerDirectory(supabase, {
    organizationId: organization.id,
    search: query.q,
    sort: query.sort,
    ascending: query.dir === 'asc',
    portal: query.portal,
    archived: query.archived ? 'include' : 'exclude',
    page: query.page,
    pageSize,
  })
  return (
    <section aria-labelledby="customers-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="customers-heading" className="text-2xl font-bold">
          Customers
        </h1>
        <div className="flex flex-wrap gap-2">
          {can(staff.role, 'customers.edit') ? (
            <Button asChild>
              <Link href="/customers/new">New customer</Link>
            </Button>
          ) : null}
          {can(staff.role, 'customers.import') ? (
            <Button asChild variant="secondary">
              <Link href="/customers/import">Import</Link>
            </Button>
          ) : null}
          <ExportCsvButton file="customers.csv" role={staff.role} />
        </div>
      </div>
      {checklist?.some((step) => !step.done) ? <SetupChecklist steps={checklist} /> : null}
      <CustomersGrid rows={rows} total={total} query={query} />
    </section>
  )
}
