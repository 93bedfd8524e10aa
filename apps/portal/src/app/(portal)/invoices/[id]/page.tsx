import type { Metadata } from 'next'
import Link from 'next/link'
import { InvoiceDocument } from '@/components/invoices/invoice-document'
import { loadCustomerInvoice } from '@/lib/load-invoice'

export const metadata: Metadata = { title: 'Invoice' }

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { invoice, organization } = await loadCustomerInvoice(id)
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <Link href="/invoices" className="inline-flex min-h-11 items-center text-sm font-medium text-sky-800 underline">
          ← All invoices
        </Link>
        <Link href={`/invoices/${invoice.id}/print`} className="inline-flex min-h-11 items-center text-sm font-medium text-sky-800 underline">
          Printable view
        </Link>
      </div>
      <InvoiceDocument invoice={invoice} businessName={organization.name} timeZone={organization.timezone} currency={organization.currency} />
    </div>
  )
}
