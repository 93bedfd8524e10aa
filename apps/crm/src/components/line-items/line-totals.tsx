import type { Totals } from '@repo/domain/money'
import { formatCents } from '@repo/domain/money'
import { cn } from '@repo/ui/cn'
import type { ReactNode } from 'react'

/**
 * Subtotal, tax and total as staff type (and, for quotes, the deposit): the database's own rule
 * from @repo/domain, so they match what is saved. A dash while a line is not a valid amount.
 */
export function LineTotals({
  totals,
  currency,
  deposit,
  note,
  className,
}: {
  totals: Totals | null
  currency: string
  /** Quotes: the deposit asked on approval (null: not a valid rule yet); omitted: no deposit row. */
  deposit?: number | null
  note?: ReactNode
  className?: string
}) {
  const money = (cents: number | undefined) => (cents === undefined ? '—' : formatCents(cents, currency))
  const rows: Array<[string, string, string]> = [
    ['Subtotal', money(totals?.subtotalCents), 'subtotal'],
    ['Tax', money(totals?.taxCents), 'tax'],
    ['Total', money(totals?.totalCents), 'total'],
  ]
  if (deposit !== undefined) rows.push(['Deposit on approval', totals && deposit !== null ? money(deposit) : '—', 'deposit'])
  return (
    <div className={cn('space-y-1 sm:ml-auto sm:w-80', className)}>
      <dl aria-live="polite" className="space-y-1 rounded-lg bg-slate-50 p-3 text-sm">
        {rows.map(([label, value, key]) => (
          <div key={key} className={cn('flex justify-between gap-4', key === 'total' && 'border-t border-slate-200 pt-1 text-base font-semibold')}>
            <dt>{label}</dt>
            <dd className="tabular-nums" data-testid={`totals-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {note ? <p className="text-sm text-slate-700">{note}</p> : null}
    </div>
  )
}
