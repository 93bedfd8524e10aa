import { getQuote } from '@repo/database/repositories'
import { formatDate, formatDateTime } from '@repo/domain/dates'
import {
  depositDueCents,
  formatValidUntil,
  isQuoteAwaitingAnswer,
  quoteStatusTone,
  shownQuoteStatus,
} from '@repo/domain/quotes'
import { Card, CardHeader } from '@repo/ui/card'
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { RecordFiles } from '@/components/files/record-files'
import { MarkQuoteViewed } from '@/components/quotes/mark-quote-viewed'
import { QuoteAnswer } from '@/components/quotes/quote-answer'
import { QuoteDeposit } from '@/components/quotes/quote-deposit'
import { QuoteLines } from '@/components/quotes/quote-lines'
import { QuoteSignature } from '@/components/quotes/quote-signature'
import { QuoteStatusBadge } from '@/components/quotes/quote-status-badge'
import { QuoteTotals } from '@/components/quotes/quote-totals'
import { loadOrNotFound } from '@/lib/load-or-not-found'
import { requirePortalSession } from '@/lib/portal-session'

export const metadata: Metadata = { title: 'Quote' }

const closedWording = {
  declined: 'You declined this quote.',
  expired: 'This quote has expired. Message us if you would still like the work done: we will send a new one.',
} as const

/** One quote: the customer's choices and answer while it waits, the record once answered. Drafts and others' quotes 404. */
export default async function QuotePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { supabase, customer, organization } = await requirePortalSession()
  const quote = await loadOrNotFound(() => getQuote(supabase, id))
  // RLS already hides drafts and other customers' quotes; this guards staff-visible rows all the same.
  if (quote.customer_id !== customer.id || quote.status === 'draft') notFound()
  const tz = organization.timezone
  const currency = organization.currency
  const status = shownQuoteStatus(quote, tz)
  const awaiting = isQuoteAwaitingAnswer(status)
  const validUntil = formatValidUntil(quote)
  const depositDue = depositDueCents(quote)
  const approvedLines = quote.quote_line_items.filter((line) => line.selected)

  return (
    <div className="space-y-4">
      <Link href="/quotes" className="inline-flex min-h-11 items-center text-sm font-medium text-sky-800 underline">
        ← All quotes
      </Link>
      <Card aria-labelledby="quote-heading">
        <header className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <p className="text-sm text-slate-700">
              {organization.name} · Quote {quote.number}
            </p>
            <h1 id="quote-heading" className="text-2xl font-bold break-words">
              {quote.title}
            </h1>
          </div>
          <QuoteStatusBadge status={status} />
        </header>
        <dl className="mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-700">{status === 'expired' ? 'Was valid until' : 'Valid until'}</dt>
            <dd data-testid="quote-valid-until">{validUntil ?? 'No end date'}</dd>
          </div>
          <div>
            <dt className="text-slate-700">Version</dt>
            <dd data-testid="quote-version">{quote.version}</dd>
          </div>
          <div>
            <dt className="text-slate-700">Sent</dt>
            <dd>{formatDate(quote.sent_at, tz)}</dd>
          </div>
        </dl>
        {quote.notes ? <p className="mt-3 whitespace-pre-line text-sm text-slate-800">{quote.notes}</p> : null}
      </Card>

      {awaiting ? (
        <QuoteAnswer
          quote={{
            id: quote.id,
            number: quote.number,
            version: quote.version,
            deposit_percent: quote.deposit_percent,
            deposit_amount_cents: quote.deposit_amount_cents,
            terms: quote.terms,
          }}
          lines={quote.quote_line_items}
          businessName={organization.name}
          currency={currency}
        />
      ) : (
        <>
          {status === 'approved' ? (
            <p role="status" className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-900">
              You approved this quote on {formatDateTime(quote.approved_at, tz)}. Thank you!
            </p>
          ) : null}
          {status === 'declined' || status === 'expired' ? (
            <p
              role="status"
              className={
                quoteStatusTone[status] === 'danger'
                  ? 'rounded-lg bg-red-50 p-3 text-sm text-red-900'
                  : 'rounded-lg bg-amber-50 p-3 text-sm text-amber-900'
              }
            >
              {closedWording[status]}
              {status === 'declined' && quote.decline_reason ? ` Your reason: “${quote.decline_reason}”` : ''}
            </p>
          ) : null}
          {status === 'approved' && depositDue > 0 ? <QuoteDeposit quoteId={quote.id} dueCents={depositDue} currency={currency} /> : null}
          {status === 'approved' && quote.quote_signatures ? <QuoteSignature signature={quote.quote_signatures} timeZone={tz} /> : null}
          <Card aria-labelledby="lines-heading">
            <CardHeader id="lines-heading" title={status === 'approved' ? 'What you approved' : 'What we offered'} />
            <QuoteLines lines={status === 'approved' ? approvedLines : quote.quote_line_items} currency={currency} />
            <div className="mt-3">
              <QuoteTotals
                totals={{ subtotalCents: quote.subtotal_cents, taxCents: quote.tax_cents, totalCents: quote.total_cents }}
                currency={currency}
                totalLabel={status === 'approved' ? 'Total' : 'Total as first suggested'}
              />
            </div>
            {quote.terms ? (
              <div className="mt-4 border-t border-slate-200 pt-3 text-sm">
                <h3 className="font-semibold">Terms</h3>
                <p className="whitespace-pre-line text-slate-700">{quote.terms}</p>
              </div>
            ) : null}
          </Card>
        </>
      )}
      <RecordFiles supabase={supabase} scope={{ quoteId: quote.id }} title="Documents" id="documents-heading" />
      {quote.status === 'sent' ? <MarkQuoteViewed quoteId={quote.id} /> : null}
    </div>
  )
}
