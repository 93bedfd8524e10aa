import { nullIfNotFound } from '@repo/actions/errors'
import { getCustomer, isUuid, listServices, listTaxRates, searchCustomerDirectory } from '@repo/database/repositories'
import { can } from '@repo/domain/staff'
import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { NewQuoteForm } from '@/components/quotes/new-quote-form.tsx'
import { requireStaff } from '@/lib/staff-context.ts'

export const metadata: Metadata = { title: 'New quote' }

const PICKER_SIZE = 500

export default async function NewQuotePage({ searchParams }: { searchParams: Promise<{ customer?: string }> }) {
  const { supabase, organization, staff } = await requireStaff()
  if (!can(staff.role, 'quotes.manage')) redirect('/quotes')
  const { customer: wanted } = await searchParams
  const [directory, services, taxRates, preselected] = await Promise.all([
    // Archived customers take no new quotes.
    searchCustomerDirectory(supabase, { organizationId: organization.id, sort: 'last_name', pageSize: PICKER_SIZE, archived: 'exclude' }),
    listServices(supabase, organization.id),
    listTaxRates(supabase, organization.id),
    // From a customer's page (?customer=…): that customer, even beyond the picker's first page.
    isUuid(wanted) ? nullIfNotFound(getCustomer(supabase, wanted)) : null,
  ])
  const rows = preselected && !directory.rows.some((c) => c.id === preselected.id) ? [preselected, ...directory.rows] : directory.rows
  const customers = rows.map((c) => ({ id: c.id, name: `${c.last_name}, ${c.first_name}${c.city ? ` (${c.city})` : ''}` }))
  return (
    <section aria-labelledby="new-quote-heading" className="space-y-4">
      <p className="text-sm text-slate-700">
        <Link href="/quotes" className="text-sky-800 underline">
          Quotes
        </Link>{' '}
        /
      </p>
      <h1 id="new-quote-heading" className="text-2xl font-bold">
        New quote
      </h1>
      {directory.total > PICKER_SIZE ? (
        <p className="text-sm text-slate-700">
          The list shows the first {PICKER_SIZE} customers by last name; for anyone else, start from their page (Quotes tab, New quote).
        </p>
      ) : null}
      <div className="rounded-xl border border-slate-200 bg-white p-3 sm:p-4 md:p-6">
        <NewQuoteForm customers={customers} customerId={preselected?.id ?? null} services={services} taxRates={taxRates} />
      </div>
    </section>
  )
}
