import { listCustomerInvoices } from '@repo/database/repositories'
import { formatCents } from '@repo/ui/format'
import type { Metadata } from 'next'
import { InvoiceList } from '@/components/invoices/invoice-list'
import { amountDue } from '@/lib/invoice-status'
import { requirePortalSession } from '@/lib/portal-session'

export const metadata: Metadata = { title: 'Invoices' }

export default async function InvoicesPage() {
  const { supabase, customer, organization } = await requirePortalSession()
  // Drafts are the business's work in progress; customers see invoices once sent.
  const invoices = (await listCustomerInvoices(supabase, customer.id)).filter((i) => i.status !== 'draft')
  return (
    <div className="space-y-4">
      <div className="flex items-end justify-between gap-2">
        <h1 className="text-2xl font-bold">Invoices</h1>
        <p className="text-sm text-slate-700">
          Amount due <span className="font-semibold text-slate-900 tabular-nums">{formatCents(amountDue(invoices))}</span>
        </p>
      </div>
      <InvoiceList invoices={invoices} timeZone={organization.timezone} />
    </div>
  )
}
