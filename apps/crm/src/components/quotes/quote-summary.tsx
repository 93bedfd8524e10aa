import type { QuoteRow } from '@repo/database/types'
import { formatCents } from '@repo/domain/money'
import { depositRuleText } from '@repo/domain/quotes'

type Totals = Pick<
  QuoteRow,
  'status' | 'subtotal_cents' | 'tax_cents' | 'total_cents' | 'deposit_cents' | 'deposit_paid_cents' | 'deposit_percent' | 'deposit_amount_cents'
>

/** The quote's totals as the database stored them, and its deposit: asked, paid, still due. */
export function QuoteSummary({ quote, currency }: { quote: Totals; currency: string }) {
  const money = (cents: number) => formatCents(cents, currency)
  const rule = depositRuleText(quote, currency)
  const rows: Array<[string, string, string]> = [
    ['Subtotal', money(quote.subtotal_cents), 'subtotal'],
    ['Tax', money(quote.tax_cents), 'tax'],
    ['Total', money(quote.total_cents), 'total'],
  ]
  if (rule) {
    rows.push(
      [`Deposit (${rule})`, money(quote.deposit_cents), 'deposit'],
      ['Deposit paid', money(quote.deposit_paid_cents), 'deposit-paid'],
      ['Deposit due', money(Math.max(0, quote.deposit_cents - quote.deposit_paid_cents)), 'deposit-due'],
    )
  }
  const answered = quote.status === 'approved'
  return (
    <div className="space-y-2">
      <dl className="space-y-1 text-sm">
        {rows.map(([label, value, key]) => (
          <div key={key} className={key === 'total' ? 'flex justify-between gap-4 border-y border-slate-200 py-1 text-base font-semibold' : 'flex justify-between gap-4'}>
            <dt>{label}</dt>
            <dd className="tabular-nums" data-testid={`quote-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-700">
        {answered
          ? 'With the options the customer approved.'
          : 'With the starting choice of each option group and no optional extras; the customer’s choices may change it.'}
      </p>
    </div>
  )
}
