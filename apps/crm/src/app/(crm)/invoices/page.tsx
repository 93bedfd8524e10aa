import { getCustomersByIds, listInvoices } from '@repo/database/repositories'
import { amountDue, invoiceStatusesByUrgency, isOverdue, shownInvoiceStatus } from '@repo/domain/invoices'
import { formatCents } from '@repo/domain/money'
import { Button } from '@repo/ui/button'
import type { Metadata } from 'next'
import Link from 'next/link'
import { InvoiceTable } from '@/components/invoices/invoice-table.tsx'
import { ExportCsvButton } from '@/components/export/export-csv-button.tsx'
import { requireStaff } from '@/lib/staff-context.ts'
import { LiveRefresh } from '@/live/live-refresh.tsx'

export const metadata: Metadata = { title: 'Invoices' }

const filters = ['all', ...invoiceStatusesByUrgency] as const
type Filter = (typeof filters)[number]

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const { supabase, organization, staff } = await requireStaff()
  const { status } = await searchParams
  const filter: Filter = filters.includes(status as Filter) ? (status as Filter) : 'all'
  const all = await listInvoices(supabase, { organizationId: organization.id, limit: 500 })
  const now = Date.now()
  const overdue = (i: (typeof all)[number]) => isOverdue(i, now)
  // Filters, badges and the count agree: a sent invoice past due is listed under overdue only.
  const shown = all.filter((i) => filter === 'all' || shownInvoiceStatus(i, now) === filter)
  const outstanding = amountDue(all)
  const overdueCount = all.filter(overdue).length
  const customers = await getCustomersByIds(supabase, shown.map((i) => i.customer_id))
  const names = Object.fromEntries(customers.map((c) => [c.id, `${c.first_name} ${c.last_name}`]))

  return (
    <div className="space-y-4">
      <LiveRefresh tables={['invoices', 'invoice_line_items']} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold">Invoices</h1>
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-sm text-slate-700">
            Outstanding: <strong>{formatCents(outstanding, organization.currency)}</strong> · Overdue: <strong>{overdueCount}</strong>
          </p>
          <ExportCsvButton file="invoices.csv" role={staff.role} />
        </div>
      </div>
      <nav aria-label="Invoice status" className="flex flex-wrap gap-1">
        {filters.map((f) => (
          <Button key={f} asChild variant={f === filter ? 'primary' : 'secondary'} className="px-3 font-medium capitalize">
            <Link href={f === 'all' ? '/invoices' : `/invoices?status=${f}`} aria-current={f === filter ? 'page' : undefined}>
              {f}
            </Link>
          </Button>
        ))}
      </nav>
      <p className="text-sm text-slate-700">Create invoices from a customer’s Invoices tab (optionally from one of their jobs).</p>
      <InvoiceTable invoices={shown} customerNames={names} timeZone={organization.timezone} currency={organization.currency} />
    </div>
  )
}
