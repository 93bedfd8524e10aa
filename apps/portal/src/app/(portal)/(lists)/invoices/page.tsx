import { listCustomerInvoices } from '@repo/database/repositories'
import { amountDue, isInvoiceVisibleToCustomer } from '@repo/domain/invoices'
import { formatCents } from '@repo/domain/money'
import type { Metadata } from 'next'
import { InvoiceList } from '@/components/invoices/invoice-list'
import { requirePortalSession } from '@/lib/portal-session'

export const metadata: Metadata = { title: 'Invoices' }

export default async function InvoicesPage() {
  const { supabase, customer, organization } = await requirePortalSession()
  const invoices = (await listCustomerInvoices(supabase, customer.id)).filter((i) => isInvoiceVisibleToCustomer(i.status))
  return (
    <div className="space-y-4">
      <div className="flex items-end justify-between gap-2">
        <h1 className="text-2xl font-bold">Invoices</h1>
        <p className="text-sm text-slate-700">
          Amount due <span className="font-semibold text-slate-900 tabular-nums">{formatCents(amountDue(invoices), organization.currency)}</span>
        </p>
      </div>
      <InvoiceList invoices={invoices} timeZone={organization.timezone} currency={organization.currency} />
    </div>
  )
}
