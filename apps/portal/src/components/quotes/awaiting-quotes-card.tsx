import type { QuoteRow } from '@repo/database/types'
import { formatCents } from '@repo/domain/money'
import { awaitingAnswerCount } from '@repo/domain/quotes'
import { Card, CardHeader } from '@repo/ui/card'
import Link from 'next/link'

/** The dashboard's nudge: quotes waiting for the customer's answer, the newest first. Nothing when none. */
export function AwaitingQuotesCard({ quotes, currency }: { quotes: QuoteRow[]; currency: string }) {
  const [newest] = quotes
  if (!newest) return null
  return (
    <Card aria-labelledby="quotes-heading" className="border-sky-200 bg-sky-50/60" data-testid="awaiting-quotes">
      <CardHeader id="quotes-heading" title={awaitingAnswerCount(quotes.length)} />
      <Link
        href={`/quotes/${newest.id}`}
        className="flex min-h-11 items-center justify-between gap-3 rounded-lg focus-visible:outline-2 focus-visible:outline-sky-700"
        data-testid="awaiting-quote"
      >
        <span className="min-w-0">
          <span className="block truncate text-lg font-semibold">{newest.title}</span>
          <span className="block text-sm text-slate-700">
            Quote {newest.number} · <span className="font-medium text-sky-800 underline">Review and answer</span>
          </span>
        </span>
        <span className="shrink-0 text-lg font-semibold tabular-nums">{formatCents(newest.total_cents, currency)}</span>
      </Link>
      {quotes.length > 1 ? (
        <Link href="/quotes" className="inline-flex min-h-11 items-center text-sm font-medium text-sky-800 underline">
          See all {quotes.length} quotes
        </Link>
      ) : null}
    </Card>
  )
}
