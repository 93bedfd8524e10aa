import type { LoyaltyTransactionRow } from '@repo/database/types'
import { formatDate } from '@repo/domain/dates'
import { formatPoints, loyaltyKindLabel as kindLabel } from '@repo/domain/loyalty'
import { cn } from '@repo/ui/cn'
import { Card } from '@repo/ui/card'
import { EmptyState } from '@repo/ui/empty-state'

export function LoyaltyHistory({ transactions, timeZone }: { transactions: LoyaltyTransactionRow[]; timeZone: string }) {
  if (transactions.length === 0) return <EmptyState title="No points yet">You earn points with every completed appointment.</EmptyState>
  return (
    <Card className="overflow-hidden p-0">
      <ul className="divide-y divide-slate-200">
        {transactions.map((t) => (
          <li key={t.id} className="flex items-center justify-between gap-3 p-4" data-testid="loyalty-row">
            <span className="min-w-0">
              <span className="block truncate font-medium">{t.description || kindLabel[t.kind]}</span>
              <span className="block text-sm text-slate-700">
                {kindLabel[t.kind]} · {formatDate(t.created_at, timeZone)}
              </span>
            </span>
            <span className={cn('shrink-0 font-semibold tabular-nums', t.points < 0 ? 'text-slate-900' : 'text-emerald-800')}>
              {t.points > 0 ? '+' : ''}
              {formatPoints(t.points)}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  )
}
