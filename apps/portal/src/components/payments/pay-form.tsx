'use client'

import { useAction } from '@repo/actions/form'
import { formatCents, parseMoneyToCents } from '@repo/domain/money'
import { tipFor, tipPercents } from '@repo/domain/payments'
import { Button } from '@repo/ui/button'
import { cn } from '@repo/ui/cn'
import { TextField } from '@repo/ui/field'
import { useRef, useState } from 'react'
import { startPaymentAction } from '@/actions/payments/start-payment-action'

type Target = { invoiceId: string } | { quoteId: string }

/**
 * "Pay now": the balance (or part of it) plus an optional tip for an invoice, or exactly the
 * deposit for a quote. The card itself is entered on the provider's checkout page.
 */
export function PayForm({
  target,
  dueCents,
  currency,
  label = 'Pay now',
}: {
  target: Target
  dueCents: number
  currency: string
  label?: string
}) {
  const isInvoice = 'invoiceId' in target
  const [part, setPart] = useState(false)
  const [partText, setPartText] = useState('')
  const [tipPercent, setTipPercent] = useState<number>(0)
  const partCents = part ? parseMoneyToCents(partText) : dueCents
  const amountCents = partCents ?? 0
  const tipCents = isInvoice ? tipFor(amountCents, tipPercent) : 0
  const amountError =
    part && partText !== ''
      ? partCents === null
        ? 'Enter an amount like 50.00'
        : partCents <= 0
          ? 'The amount must be more than zero'
          : partCents > dueCents
            ? `At most ${formatCents(dueCents, currency)} is due; add anything above it as a tip`
            : undefined
      : undefined
  // One payment id per amount and tip: a double click resumes the same payment, never a second.
  const ids = useRef(new Map<string, string>())
  const paymentIdFor = (key: string) => {
    let id = ids.current.get(key)
    if (!id) {
      id = crypto.randomUUID()
      ids.current.set(key, id)
    }
    return id
  }
  // A double click sends the same payment twice; the page leaves for the checkout once.
  const leaving = useRef(false)
  const { run, pending, result } = useAction(startPaymentAction, {
    failure: false,
    onSuccess: ({ url }) => {
      if (leaving.current) return
      leaving.current = true
      window.location.assign(url)
    },
  })
  const ready = amountCents > 0 && amountCents <= dueCents && !amountError
  const total = amountCents + tipCents

  return (
    <form
      aria-label={label}
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault()
        if (!ready || pending) return
        run({
          paymentId: paymentIdFor(`${amountCents}:${tipCents}`),
          ...target,
          amountCents,
          tipCents,
        })
      }}
    >
      {isInvoice ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Amount</legend>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" name="amount" checked={!part} onChange={() => setPart(false)} className="size-4" />
            Balance due ({formatCents(dueCents, currency)})
          </label>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" name="amount" checked={part} onChange={() => setPart(true)} className="size-4" />
            Another amount
          </label>
          {part ? (
            <TextField
              label="Amount to pay"
              name="partAmount"
              inputMode="decimal"
              autoComplete="off"
              value={partText}
              onChange={(e) => setPartText(e.target.value)}
              error={amountError}
              className="max-w-48"
            />
          ) : null}
        </fieldset>
      ) : null}
      {isInvoice ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Add a tip for the team</legend>
          <div className="flex flex-wrap gap-2">
            {tipPercents.map((percent) => (
              <button
                key={percent}
                type="button"
                aria-pressed={tipPercent === percent}
                onClick={() => setTipPercent(percent)}
                className={cn(
                  'min-h-11 rounded-lg border px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-sky-700',
                  tipPercent === percent ? 'border-sky-700 bg-sky-50 text-sky-900' : 'border-slate-300 text-slate-800',
                )}
              >
                {percent === 0 ? 'No tip' : `${percent}%`}
              </button>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={pending} disabled={!ready}>
          Pay {formatCents(total, currency)}
        </Button>
        {tipCents > 0 ? (
          <span className="text-sm text-slate-700">
            {formatCents(amountCents, currency)} + {formatCents(tipCents, currency)} tip
          </span>
        ) : null}
      </div>
      <p className="text-xs text-slate-700">You enter your card on the secure payment page; we never see your card number.</p>
      {result && !result.ok ? (
        <p role="alert" className="text-sm text-red-800">
          {result.error}
        </p>
      ) : null}
    </form>
  )
}
