import { getCustomersByIds, listQuotes } from '@repo/database/repositories'
import { type QuoteStatus, quoteStatuses, quoteStatusLabel } from '@repo/domain/quotes'
import { can } from '@repo/domain/staff'
import { Button } from '@repo/ui/button'
import type { Metadata } from 'next'
import Link from 'next/link'
import { QuoteTable } from '@/components/quotes/quote-table.tsx'
import { requireStaff } from '@/lib/staff-context.ts'
import { LiveRefresh } from '@/live/live-refresh.tsx'

export const metadata: Metadata = { title: 'Quotes' }

type Filter = 'all' | QuoteStatus

export default async function QuotesPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const { supabase, organization, staff } = await requireStaff()
  const { status } = await searchParams
  const filter: Filter = quoteStatuses.includes(status as QuoteStatus) ? (status as QuoteStatus) : 'all'
  const quotes = await listQuotes(supabase, {
    organizationId: organization.id,
    ...(filter === 'all' ? {} : { status: filter }),
    limit: 500,
  })
  const customers = await getCustomersByIds(supabase, quotes.map((q) => q.customer_id))
  const names = Object.fromEntries(customers.map((c) => [c.id, `${c.first_name} ${c.last_name}`]))
  const mayWrite = can(staff.role, 'quotes.manage')
  const newQuote = mayWrite ? (
    <Button asChild>
      <Link href="/quotes/new">New quote</Link>
    </Button>
  ) : null

  return (
    <div className="space-y-4">
      <LiveRefresh tables={['quotes']} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold">Quotes</h1>
        {newQuote}
      </div>
      <nav aria-label="Quote status" className="flex flex-wrap gap-1">
        {(['all', ...quoteStatuses] as const).map((f) => (
          <Button key={f} asChild variant={f === filter ? 'primary' : 'secondary'} className="px-3 font-medium">
            <Link href={f === 'all' ? '/quotes' : `/quotes?status=${f}`} aria-current={f === filter ? 'page' : undefined}>
              {f === 'all' ? 'All' : quoteStatusLabel[f]}
            </Link>
          </Button>
        ))}
      </nav>
      <QuoteTable
        quotes={quotes}
        customerNames={names}
        timeZone={organization.timezone}
        currency={organization.currency}
        empty={filter === 'all' ? newQuote : null}
      />
    </div>
  )
}
