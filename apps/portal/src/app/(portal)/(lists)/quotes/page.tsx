import { listQuotes } from '@repo/database/repositories'
import { isQuoteAwaitingAnswer, shownQuoteStatus } from '@repo/domain/quotes'
import type { Metadata } from 'next'
import { QuoteList } from '@/components/quotes/quote-list'
import { requirePortalSession } from '@/lib/portal-session'

export const metadata: Metadata = { title: 'Quotes' }

/** The customer's quotes (drafts never reach them: RLS), those waiting for an answer first. Live through the layout. */
export default async function QuotesPage() {
  const { supabase, customer, organization } = await requirePortalSession()
  const quotes = await listQuotes(supabase, { customerId: customer.id, limit: 200 })
  const open = quotes.filter((quote) => isQuoteAwaitingAnswer(shownQuoteStatus(quote, organization.timezone)))
  const answered = quotes.filter((quote) => !open.includes(quote))
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Quotes</h1>
      <section aria-labelledby="open-quotes" className="space-y-2">
        <h2 id="open-quotes" className="text-lg font-semibold">
          Awaiting your answer
        </h2>
        <QuoteList
          quotes={open}
          timeZone={organization.timezone}
          currency={organization.currency}
          emptyTitle="Nothing to answer right now"
          emptyText="New quotes from us appear here, ready to approve online."
        />
      </section>
      {answered.length > 0 ? (
        <section aria-labelledby="past-quotes" className="space-y-2">
          <h2 id="past-quotes" className="text-lg font-semibold">
            Past quotes
          </h2>
          <QuoteList quotes={answered} timeZone={organization.timezone} currency={organization.currency} emptyTitle="No past quotes" />
        </section>
      ) : null}
    </div>
  )
}
