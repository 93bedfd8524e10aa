import type { PaymentRow } from '@repo/database/types'
import { formatDateTime } from '@repo/domain/dates'
import { formatCents } from '@repo/domain/money'
import { paymentMethodLabel, paymentStatusLabel, paymentStatusTone } from '@repo/domain/payments'
import { Badge } from '@repo/ui/badge'
import Link from 'next/link'

/** Money received (and returned) toward an invoice or deposit; attempts still open are left out. */
export function PaymentList({
  payments,
  currency,
  timeZone,
}: {
  payments: readonly PaymentRow[]
  currency: string
  timeZone: string
}) {
  const shown = payments.filter((p) => p.status !== 'pending' && p.status !== 'failed')
  if (shown.length === 0) return null
  return (
    <section aria-labelledby="payments-heading" className="space-y-2">
      <h2 id="payments-heading" className="text-lg font-semibold">
        Payments
      </h2>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {shown.map((payment) => (
          <li key={payment.id} data-testid="payment-row" className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
            <div className="min-w-0">
              <p className="font-medium">
                {formatCents(payment.amount_cents, currency)}
                {payment.tip_cents > 0 ? ` + ${formatCents(payment.tip_cents, currency)} tip` : ''} ·{' '}
                {paymentMethodLabel[payment.method]}
              </p>
              <p className="text-slate-700">{formatDateTime(payment.received_at ?? payment.created_at, timeZone)}</p>
            </div>
            <div className="flex items-center gap-3">
              <Badge tone={paymentStatusTone[payment.status]}>{paymentStatusLabel[payment.status]}</Badge>
              <Link href={`/payments/${payment.id}`} className="inline-flex min-h-11 items-center font-medium text-sky-800 underline">
                Receipt
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The last attempt failed and nothing succeeded after it: say why, once. */
export function LastAttemptFailed({ payments }: { payments: readonly PaymentRow[] }) {
  const last = [...payments].sort((a, b) => a.updated_at.localeCompare(b.updated_at)).at(-1)
  if (last?.status !== 'failed') return null
  return (
    <p role="alert" data-testid="payment-failed" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900">
      Your last payment did not go through: {last.failure_message ?? 'the payment failed.'} Nothing was charged; you can try
      again with another card.
    </p>
  )
}
