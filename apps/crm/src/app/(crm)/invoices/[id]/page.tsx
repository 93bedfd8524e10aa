import { getCustomer, listPayments } from '@repo/database/repositories'
import { formatDate, formatDateTime } from '@repo/domain/dates'
import { formatCents, formatRate } from '@repo/domain/money'
import { paymentMethodLabel, paymentStatusLabel, paymentStatusTone } from '@repo/domain/payments'
import { can } from '@repo/domain/staff'
import { Badge } from '@repo/ui/badge'
import { Card } from '@repo/ui/card'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@repo/ui/table'
import type { Metadata } from 'next'
import Link from 'next/link'
import { HistoryLink } from '@/components/audit/history-link.tsx'
import { InvoiceActions } from '@/components/invoices/invoice-actions.tsx'
import { InvoiceStatusBadge } from '@/components/invoices/invoice-status-badge.tsx'
import { PropertyAddressLine } from '@/components/properties/property-address-line.tsx'
import { RefundPaymentButton } from '@/components/payments/refund-payment-button.tsx'
import { RemoveCreditButton } from '@/components/payments/remove-credit-button.tsx'
import { loadInvoice } from '@/lib/load-invoice.ts'
import { requireStaff } from '@/lib/staff-context.ts'
import { LiveRefresh } from '@/live/live-refresh.tsx'
import { RecordFiles } from '@/components/files/record-files.tsx'

export const metadata: Metadata = { title: 'Invoice' }

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const invoice = await loadInvoice(id)
  const { supabase, organization, staff } = await requireStaff()
  const [customer, payments] = await Promise.all([
    getCustomer(supabase, invoice.customer_id),
    listPayments(supabase, { invoiceId: invoice.id }),
  ])
  const { currency, timezone: timeZone } = organization
  const money = (cents: number) => formatCents(cents, currency)
  const manage = can(staff.role, 'invoices.manage')
  const lines = [...invoice.invoice_line_items].sort((a, b) => a.position - b.position)

  return (
    <div className="space-y-4">
      <LiveRefresh tables={['invoices', 'invoice_line_items', 'payments']} />
      <Link href="/invoices" className="inline-flex min-h-11 items-center text-sm font-medium text-sky-800 underline">
        ← All invoices
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-bold">Invoice {invoice.number}</h1>
            <InvoiceStatusBadge invoice={invoice} />
          </div>
          <p className="text-sm text-slate-700">
            For{' '}
            <Link href={`/customers/${customer.id}?tab=invoices`} className="font-medium text-sky-800 underline">
              {customer.first_name} {customer.last_name}
            </Link>
            {invoice.job_id ? (
              <>
                {' · '}
                <Link href={`/customers/${customer.id}?tab=jobs`} className="text-sky-800 underline">
                  its job
                </Link>
              </>
            ) : null}
          </p>
          <PropertyAddressLine propertyId={invoice.property_id} />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <InvoiceActions invoice={invoice} />
          <a href={`/invoices/${invoice.id}/pdf`} target="_blank" rel="noopener" className="inline-flex min-h-9 items-center rounded-lg border border-slate-300 px-3 text-sm font-medium hover:bg-slate-50">
            Open PDF to print
          </a>
          <a href={`/invoices/${invoice.id}/pdf?download=1`} className="inline-flex min-h-9 items-center rounded-lg border border-slate-300 px-3 text-sm font-medium hover:bg-slate-50">
            Download PDF
          </a>
          <HistoryLink customerId={invoice.customer_id} recordId={invoice.id} label={`invoice ${invoice.number}`} />
        </div>
      </div>

      <Card>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-700">Issued</dt>
            <dd>{formatDate(invoice.issued_at, timeZone)}</dd>
          </div>
          <div>
            <dt className="text-slate-700">Due</dt>
            <dd>{formatDate(invoice.due_at, timeZone)}</dd>
          </div>
          <div>
            <dt className="text-slate-700">Paid in full</dt>
            <dd>{formatDate(invoice.paid_at, timeZone)}</dd>
          </div>
          <div>
            <dt className="text-slate-700">Balance due</dt>
            <dd className="font-semibold" data-testid="invoice-balance">
              {invoice.status === 'void' ? '—' : money(Math.max(invoice.balance_cents, 0))}
              {invoice.balance_cents < 0 ? ` (overpaid by ${money(-invoice.balance_cents)})` : ''}
            </dd>
          </div>
        </dl>
      </Card>

      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <Table>
          <TableHeader className="bg-slate-50">
            <TableRow className="hover:bg-transparent">
              <TableHead>Description</TableHead>
              <TableHead className="text-right">Qty</TableHead>
              <TableHead className="text-right">Unit price</TableHead>
              <TableHead>Tax</TableHead>
              <TableHead className="text-right">Amount</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {lines.map((line) => (
              <TableRow key={line.id} data-testid={line.credit_id ? 'credit-line' : 'invoice-line'}>
                <TableCell>
                  {line.description}
                  {line.credit_id ? <span className="block text-xs text-emerald-800">Reward credit</span> : null}
                </TableCell>
                <TableCell className="text-right tabular-nums">{line.quantity}</TableCell>
                <TableCell className="text-right tabular-nums whitespace-nowrap">{money(line.unit_price_cents)}</TableCell>
                <TableCell className="whitespace-nowrap">{line.taxable ? formatRate(line.tax_rate_bps) : '—'}</TableCell>
                <TableCell className="text-right tabular-nums whitespace-nowrap">{money(line.amount_cents)}</TableCell>
                <TableCell>
                  {line.credit_id && invoice.status === 'draft' && manage ? (
                    <RemoveCreditButton lineId={line.id} description={line.description} />
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <dl className="ml-auto grid max-w-xs grid-cols-2 gap-x-6 gap-y-1 p-4 text-sm tabular-nums">
          <dt className="text-slate-700">Subtotal</dt>
          <dd className="text-right">{money(invoice.subtotal_cents)}</dd>
          <dt className="text-slate-700">Tax</dt>
          <dd className="text-right">{money(invoice.tax_cents)}</dd>
          {invoice.discount_cents > 0 ? (
            <>
              <dt className="text-slate-700">Credits</dt>
              <dd className="text-right">−{money(invoice.discount_cents)}</dd>
            </>
          ) : null}
          <dt className="font-semibold">Total</dt>
          <dd className="text-right font-semibold" data-testid="invoice-total">
            {money(invoice.total_cents)}
          </dd>
          <dt className="text-slate-700">Paid</dt>
          <dd className="text-right" data-testid="invoice-amount-paid">
            {money(invoice.amount_paid_cents)}
          </dd>
          {invoice.tip_cents > 0 ? (
            <>
              <dt className="text-slate-700">Tips</dt>
              <dd className="text-right">{money(invoice.tip_cents)}</dd>
            </>
          ) : null}
        </dl>
      </div>
      {invoice.notes ? <p className="text-sm text-slate-700">{invoice.notes}</p> : null}

      <section aria-labelledby="payments-heading" className="space-y-2">
        <h2 id="payments-heading" className="text-lg font-semibold">
          Payments
        </h2>
        {payments.length === 0 ? (
          <p className="text-sm text-slate-700">No payments yet.</p>
        ) : (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <Table>
              <TableHeader className="bg-slate-50">
                <TableRow className="hover:bg-transparent">
                  <TableHead>Date</TableHead>
                  <TableHead>Method</TableHead>
                  <TableHead className="text-right">Amount</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead>Details</TableHead>
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {payments.map((payment) => (
                  <TableRow key={payment.id} data-testid="payment-row">
                    <TableCell className="whitespace-nowrap">{formatDateTime(payment.received_at ?? payment.created_at, timeZone)}</TableCell>
                    <TableCell>
                      {paymentMethodLabel[payment.method]}
                      {payment.provider ? <span className="block text-xs text-slate-700">Online</span> : null}
                    </TableCell>
                    <TableCell className="text-right tabular-nums whitespace-nowrap">
                      {money(payment.amount_cents)}
                      {payment.tip_cents > 0 ? <span className="block text-xs text-slate-700">+ {money(payment.tip_cents)} tip</span> : null}
                    </TableCell>
                    <TableCell>
                      <Badge tone={paymentStatusTone[payment.status]}>{paymentStatusLabel[payment.status]}</Badge>
                    </TableCell>
                    <TableCell className="max-w-64 text-sm break-words text-slate-700">
                      {payment.status === 'failed' ? payment.failure_message : payment.status === 'refunded' ? `Refunded: ${payment.refund_reason ?? ''}` : payment.note}
                    </TableCell>
                    <TableCell>{payment.status === 'succeeded' && manage ? <RefundPaymentButton payment={payment} /> : null}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
      <Card>
        <RecordFiles target={{ type: 'invoice', id: invoice.id }} title="Documents" />
      </Card>
    </div>
  )
}
