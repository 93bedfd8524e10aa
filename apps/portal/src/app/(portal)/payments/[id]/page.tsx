import { getInvoice, getPayment, getQuote } from '@repo/database/repositories'
import { formatDateTime } from '@repo/domain/dates'
import { formatCents } from '@repo/domain/money'
import { paymentMethodLabel, paymentStatusLabel, paymentStatusTone } from '@repo/domain/payments'
import { Badge } from '@repo/ui/badge'
import { Card } from '@repo/ui/card'
import type { Metadata } from 'next'
import Link from 'next/link'
import { PrintButton } from '@/components/invoices/print-button'
import { loadOrNotFound } from '@/lib/load-or-not-found'
import { requirePortalSession } from '@/lib/portal-session'

export const metadata: Metadata = { title: 'Payment receipt' }

/** Where the checkout returns to: "confirming" until the provider's webhook lands (live), then the receipt. */
export default async function PaymentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { supabase, organization, customer } = await requirePortalSession()
  const payment = await loadOrNotFound(() => getPayment(supabase, id))
  const { currency, timezone: timeZone } = organization
  const invoice = payment.invoice_id ? await loadOrNotFound(() => getInvoice(supabase, payment.invoice_id ?? '')) : null
  const quote = !invoice && payment.quote_id ? await loadOrNotFound(() => getQuote(supabase, payment.quote_id ?? '')) : null
  const what = invoice ? `Invoice ${invoice.number}` : quote ? `Deposit for quote ${quote.number}` : 'Payment'
  const backHref = invoice ? `/invoices/${invoice.id}` : quote ? `/quotes/${quote.id}` : '/invoices'

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between print:hidden">
        <Link href={backHref} className="inline-flex min-h-11 items-center text-sm font-medium text-sky-800 underline">
          ← {what}
        </Link>
        {payment.status === 'succeeded' || payment.status === 'refunded' ? <PrintButton label="Print receipt" /> : null}
      </div>
      <Card className="print:border-0 print:p-0 print:shadow-none">
        <article className="space-y-4" aria-live="polite">
          <header className="flex flex-wrap items-start justify-between gap-2">
            <div>
              <p className="text-sm text-slate-700">{organization.name}</p>
              <h1 className="text-2xl font-bold">{payment.status === 'pending' ? 'Confirming your payment…' : 'Payment receipt'}</h1>
            </div>
            <span data-testid="payment-status">
              <Badge tone={paymentStatusTone[payment.status]}>{paymentStatusLabel[payment.status]}</Badge>
            </span>
          </header>
          {payment.status === 'pending' ? (
            <p className="text-sm text-slate-700">
              We are waiting for the payment provider to confirm. This page updates by itself; you can also come back later.
            </p>
          ) : null}
          {payment.status === 'failed' ? (
            <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900">
              The payment did not go through: {payment.failure_message ?? 'the payment failed.'} Nothing was charged.{' '}
              <Link href={backHref} className="font-medium underline">
                Try again
              </Link>
            </p>
          ) : null}
          <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-700">For</dt>
              <dd>{what}</dd>
            </div>
            <div>
              <dt className="text-slate-700">Paid by</dt>
              <dd>
                {customer.first_name} {customer.last_name}
              </dd>
            </div>
            <div>
              <dt className="text-slate-700">Amount</dt>
              <dd data-testid="receipt-amount">{formatCents(payment.amount_cents, currency)}</dd>
            </div>
            {payment.tip_cents > 0 ? (
              <div>
                <dt className="text-slate-700">Tip</dt>
                <dd data-testid="receipt-tip">{formatCents(payment.tip_cents, currency)}</dd>
              </div>
            ) : null}
            <div>
              <dt className="text-slate-700">Total charged</dt>
              <dd className="font-semibold" data-testid="receipt-total">
                {formatCents(payment.amount_cents + payment.tip_cents, currency)}
              </dd>
            </div>
            <div>
              <dt className="text-slate-700">Method</dt>
              <dd>{paymentMethodLabel[payment.method]}</dd>
            </div>
            <div>
              <dt className="text-slate-700">Date</dt>
              <dd>{formatDateTime(payment.received_at ?? payment.created_at, timeZone)}</dd>
            </div>
            <div>
              <dt className="text-slate-700">Reference</dt>
              <dd className="break-all font-mono text-xs">{payment.provider_reference ?? payment.id}</dd>
            </div>
            {invoice ? (
              <div>
                <dt className="text-slate-700">Invoice balance now</dt>
                <dd data-testid="receipt-balance">{formatCents(Math.max(invoice.balance_cents, 0), currency)}</dd>
              </div>
            ) : null}
            {payment.status === 'refunded' ? (
              <div>
                <dt className="text-slate-700">Refunded</dt>
                <dd>{formatDateTime(payment.refunded_at, timeZone)}</dd>
              </div>
            ) : null}
          </dl>
        </article>
      </Card>
    </div>
  )
}
