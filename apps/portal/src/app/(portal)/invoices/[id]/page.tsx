import { listPayments } from '@repo/database/repositories'
import { isInvoiceOpen } from '@repo/domain/invoices'
import { formatCents } from '@repo/domain/money'
import { Card } from '@repo/ui/card'
import type { Metadata } from 'next'
import Link from 'next/link'
import { RecordFiles } from '@/components/files/record-files'
import { InvoiceDocument } from '@/components/invoices/invoice-document'
import { PayForm } from '@/components/payments/pay-form'
import { LastAttemptFailed, PaymentList } from '@/components/payments/payment-list'
import { loadCustomerInvoice } from '@/lib/load-invoice'
import { requirePortalSession } from '@/lib/portal-session'

export const metadata: Metadata = { title: 'Invoice' }

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { invoice, organization } = await loadCustomerInvoice(id)
  const { supabase } = await requirePortalSession()
  const payments = await listPayments(supabase, { invoiceId: invoice.id })
  const payable = isInvoiceOpen(invoice.status) && invoice.balance_cents > 0
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-x-4">
        <Link href="/invoices" className="inline-flex min-h-11 items-center text-sm font-medium text-sky-800 underline">
          ← All invoices
        </Link>
        <div className="flex gap-4">
          <Link href={`/invoices/${invoice.id}/print`} className="inline-flex min-h-11 items-center text-sm font-medium text-sky-800 underline">
            Printable view
          </Link>
          <a href={`/invoices/${invoice.id}/pdf`} className="inline-flex min-h-11 items-center text-sm font-medium text-sky-800 underline">
            Download PDF
          </a>
        </div>
      </div>
      <LastAttemptFailed payments={payments} />
      {payable ? (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Pay {formatCents(invoice.balance_cents, organization.currency)} online</h2>
          <PayForm target={{ invoiceId: invoice.id }} dueCents={invoice.balance_cents} currency={organization.currency} />
        </Card>
      ) : null}
      <InvoiceDocument invoice={invoice} businessName={organization.name} timeZone={organization.timezone} currency={organization.currency} />
      <RecordFiles supabase={supabase} scope={{ invoiceId: invoice.id }} title="Documents" id="documents-heading" />
      <PaymentList payments={payments} currency={organization.currency} timeZone={organization.timezone} />
    </div>
  )
}
