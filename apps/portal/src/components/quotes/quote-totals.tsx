import { formatCents } from '@repo/domain/money'
import type { Totals } from '@repo/domain/money'

/** Subtotal, tax and total (and the deposit asked on approval), right-aligned figures. */
export function QuoteTotals({
  totals,
  currency,
  deposit,
  totalLabel = 'Total',
}: {
  totals: Totals
  currency: string
  /** The deposit and how it is asked (`20% deposit`); omitted when there is none. */
  deposit?: { cents: number; rule: string } | null
  totalLabel?: string
}) {
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm tabular-nums" aria-live="polite">
      <dt className="text-slate-700">Subtotal</dt>
      <dd className="text-right" data-testid="quote-subtotal">
        {formatCents(totals.subtotalCents, currency)}
      </dd>
      <dt className="text-slate-700">Tax</dt>
      <dd className="text-right" data-testid="quote-tax">
        {formatCents(totals.taxCents, currency)}
      </dd>
      <dt className="pt-1 text-base font-semibold">{totalLabel}</dt>
      <dd className="pt-1 text-right text-base font-semibold" data-testid="quote-total">
        {formatCents(totals.totalCents, currency)}
      </dd>
      {deposit && deposit.cents > 0 ? (
        <>
          <dt className="text-slate-700">Due on approval ({deposit.rule})</dt>
          <dd className="text-right" data-testid="quote-deposit">
            {formatCents(deposit.cents, currency)}
          </dd>
        </>
      ) : null}
    </dl>
  )
}
