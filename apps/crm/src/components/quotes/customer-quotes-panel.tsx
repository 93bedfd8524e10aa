import type { QuoteRow } from '@repo/database/types'
import { Button } from '@repo/ui/button'
import Link from 'next/link'
import { QuoteTable } from './quote-table.tsx'

/** The customer page's Quotes tab: their quotes, and a new one for them. */
export function CustomerQuotesPanel({
  customerId,
  quotes,
  canWrite,
  archived = false,
  timeZone,
  currency,
}: {
  customerId: string
  quotes: QuoteRow[]
  canWrite: boolean
  /** An archived customer takes no new quotes (the database refuses them). */
  archived?: boolean
  timeZone: string
  currency: string
}) {
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">Quotes</h2>
        {canWrite && archived ? (
          <p className="text-sm text-slate-700">Restore this customer to write them a new quote.</p>
        ) : canWrite ? (
          <Button asChild>
            <Link href={`/quotes/new?customer=${customerId}`}>New quote</Link>
          </Button>
        ) : null}
      </div>
      <QuoteTable quotes={quotes} timeZone={timeZone} currency={currency} />
    </div>
  )
}
