import type { Metadata } from 'next'
import { InvoiceDocument } from '@/components/invoices/invoice-document'
import { PrintButton } from '@/components/invoices/print-button'
import { loadCustomerInvoice } from '@/lib/load-invoice'

export const metadata: Metadata = { title: 'Print invoice' }

export default async function PrintInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { invoice, organization } = await loadCustomerInvoice(id)
  return (
    <div className="space-y-4">
      <PrintButton />
      <InvoiceDocument invoice={invoice} businessName={organization.name} timeZone={organization.timezone} currency={organization.currency} />
    </div>
  )
}
