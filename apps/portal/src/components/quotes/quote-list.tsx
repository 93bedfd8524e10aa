import type { QuoteRow } from '@repo/database/types'
import { formatCents } from '@repo/domain/money'
import { quoteDateLine, shownQuoteStatus } from '@repo/domain/quotes'
import { Card } from '@repo/ui/card'
import { EmptyState } from '@repo/ui/empty-state'
import Link from 'next/link'
import { QuoteStatusBadge } from './quote-status-badge'

export function QuoteList({
  quotes,
  timeZone,
  currency,
  emptyTitle,
  emptyText,
}: { quotes: QuoteRow[]; timeZone: string; currency: string; emptyTitle: string; emptyText?: string }) {
  if (quotes.length === 0) return <EmptyState title={emptyTitle}>{emptyText}</EmptyState>
  return (
    <Card className="overflow-hidden p-0">
      <ul className="divide-y divide-slate-200">
        {quotes.map((quote) => {
          const status = shownQuoteStatus(quote, timeZone)
          return (
            <li key={quote.id}>
              <Link
                href={`/quotes/${quote.id}`}
                className="flex min-h-14 items-center justify-between gap-3 p-4 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-700"
                data-testid="quote-row"
              >
                <span className="min-w-0">
                  <span className="block truncate font-medium text-slate-900">{quote.title}</span>
                  <span className="block text-sm text-slate-700">
                    Quote {quote.number} · {quoteDateLine(quote, status, timeZone)}
                  </span>
                </span>
                <span className="flex shrink-0 flex-col items-end gap-1">
                  <span className="font-semibold tabular-nums">{formatCents(quote.total_cents, currency)}</span>
                  <QuoteStatusBadge status={status} />
                </span>
              </Link>
            </li>
          )
        })}
      </ul>
    </Card>
  )
}
