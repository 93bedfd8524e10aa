import { searchCustomerDirectory } from '@repo/database/repositories'
import type { Metadata } from 'next'
import { CustomersGrid } from '@/components/customers/customers-grid.tsx'
import { pageSize, parseCustomerGridQuery } from '@/lib/customer-query.ts'
import { requireStaff } from '@/lib/staff-context.ts'

export const metadata: Metadata = { title: 'Customers' }

export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { supabase, organization } = await requireStaff()
  const query = parseCustomerGridQuery(await searchParams)
  const { rows, total } = await searchCustomerDirectory(supabase, {
    organizationId: organization.id,
    search: query.q,
    sort: query.sort,
    ascending: query.dir === 'asc',
    portal: query.portal,
    page: query.page,
    pageSize,
  })
  return (
    <section aria-labelledby="customers-heading" className="space-y-4">
      <h1 id="customers-heading" className="text-2xl font-bold">
        Customers
      </h1>
      <CustomersGrid rows={rows} total={total} query={query} />
    </section>
  )
}
