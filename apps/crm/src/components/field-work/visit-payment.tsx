'use client'

import { useAction } from '@repo/actions/form'
import type { PaymentRow } from '@repo/database/types'
import {
  type OnSitePaymentChoice,
  onSitePaymentChoices,
  offlineWording,
  onSitePaymentLabel,
  paymentRecordedMessage,
} from '@repo/domain/field-work'
import { centsToInput, formatCents, parseMoneyToCents } from '@repo/domain/money'
import { paymentMethodLabel, paymentStatusLabel } from '@repo/domain/payments'
import { Button } from '@repo/ui/button'
import { Input } from '@repo/ui/input'
import { useId, useState } from 'react'
import {
  collectJobPaymentAction,
  startJobCardPaymentAction,
} from '@/actions/field-work/onsite-actions.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { useOfflineQueue } from '@/offline/offline-queue-provider.tsx'

/**
 * Payment at the door: cash or a check (the amount defaults to what is due), or the customer pays
 * by card on the provider's checkout, opened on this phone. One id per payment form, so a double
 * tap records one payment.
 */
export function VisitPayment({
  jobId,
  dueCents,
  payments,
}: {
  jobId: string
  /** The invoice's balance, or the visit's total while it has no invoice. */
  dueCents: number
  payments: PaymentRow[]
}) {
  const uid = useId()
  const { currency } = useStaffSession()
  const { online } = useOfflineQueue()
  const [method, setMethod] = useState<OnSitePaymentChoice>('cash')
  const [amount, setAmount] = useState(() => centsToInput(dueCents))
  const [checkNumber, setCheckNumber] = useState('')
  const [paymentId, setPaymentId] = useState(() => crypto.randomUUID())
  const collect = useAction(collectJobPaymentAction, {
    success: (p) =>
      paymentRecordedMessage(
        p.method === 'check' ? 'check' : 'cash',
        formatCents(p.amount_cents, currency),
      ),
    onSuccess: () => setPaymentId(crypto.randomUUID()),
  })
  const card = useAction(startJobCardPaymentAction, {
    onSuccess: ({ url }) => window.location.assign(url),
  })
  const received = payments.filter((p) => p.status === 'succeeded' || p.status === 'pending')
  return (
    <section aria-labelledby={`${uid}-title`} className="space-y-3" data-testid="visit-payment">
      <h2 id={`${uid}-title`} className="text-lg font-semibold">
        Payment
      </h2>
      {received.length > 0 ? (
        <ul className="space-y-1" aria-label="Payments">
          {received.map((p) => (
            <li
              key={p.id}
              className="flex justify-between rounded-lg bg-emerald-50 px-3 py-2 text-emerald-900"
            >
              <span>
                {paymentMethodLabel[p.method]}
                {p.check_number ? ` #${p.check_number}` : ''} · {paymentStatusLabel[p.status]}
              </span>
              <span className="tabular-nums">{formatCents(p.amount_cents, currency)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {dueCents <= 0 ? (
        <p className="font-medium text-emerald-800">Nothing left to pay.</p>
      ) : !online ? (
        <p
          role="status"
          data-testid="payment-needs-connection"
          className="rounded-xl border border-amber-300 bg-amber-50 p-3 text-amber-950"
        >
          {offlineWording.paymentNeedsConnection}
        </p>
      ) : (
        <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-3">
          <p className="flex justify-between font-semibold">
            <span>Due</span>
            <span className="tabular-nums">{formatCents(dueCents, currency)}</span>
          </p>
          <div
            role="radiogroup"
            aria-label="How the customer pays"
            className="grid grid-cols-1 gap-2"
          >
            {onSitePaymentChoices.map((choice) => (
              <Button
                key={choice}
                role="radio"
                aria-checked={method === choice}
                variant={method === choice ? 'primary' : 'secondary'}
                onClick={() => setMethod(choice)}
              >
                {onSitePaymentLabel[choice]}
              </Button>
            ))}
          </div>
          {method === 'card' ? (
            <Button
              size="lg"
              className="w-full"
              pending={card.pending}
              onClick={() => card.run({ paymentId, jobId })}
            >
              Open the card checkout
            </Button>
          ) : (
            <>
              <div className="space-y-1">
                <label htmlFor={`${uid}-amount`} className="block text-sm font-medium">
                  Amount received
                </label>
                <Input
                  id={`${uid}-amount`}
                  inputMode="decimal"
                  value={amount}
                  onChange={(e) => setAmount(e.currentTarget.value)}
                />
              </div>
              {method === 'check' ? (
                <div className="space-y-1">
                  <label htmlFor={`${uid}-check`} className="block text-sm font-medium">
                    Check number
                  </label>
                  <Input
                    id={`${uid}-check`}
                    inputMode="numeric"
                    value={checkNumber}
                    maxLength={50}
                    onChange={(e) => setCheckNumber(e.currentTarget.value)}
                  />
                </div>
              ) : null}
              {collect.result && !collect.result.ok ? (
                <p role="alert" className="text-sm text-red-800">
                  {collect.fieldError('checkNumber') ??
                    collect.fieldError('amountCents') ??
                    collect.result.error}
                </p>
              ) : null}
              <Button
                size="lg"
                className="w-full"
                pending={collect.pending}
                onClick={() =>
                  collect.run({
                    paymentId,
                    jobId,
                    method,
                    amountCents: parseMoneyToCents(amount) ?? 0,
                    checkNumber: method === 'check' ? checkNumber : null,
                  })
                }
              >
                Record {method === 'cash' ? 'cash' : 'check'}
              </Button>
            </>
          )}
        </div>
      )}
    </section>
  )
}
