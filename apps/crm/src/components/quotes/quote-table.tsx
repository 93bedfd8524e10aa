import type { QuoteRow } from '@repo/database/types'
import { formatDate, formatDayKeyDate } from '@repo/domain/dates'
import { formatCents } from '@repo/domain/money'
import { EmptyState } from '@repo/ui/empty-state'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@repo/ui/table'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { QuoteStatusBadge } from './quote-status-badge.tsx'

/** Quotes, newest first: each links to its page; the customer column only on the all-quotes list. */
export function QuoteTable({
  quotes,
  customerNames,
  timeZone,
  currency,
  empty,
}: {
  quotes: QuoteRow[]
  customerNames?: Record<string, string>
  timeZone: string
  currency: string
  empty?: ReactNode
}) {
  if (quotes.length === 0) return <EmptyState title="No quotes here." className="bg-white" action={empty} />
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
      <Table>
        <TableHeader className="bg-slate-50">
          <TableRow className="hover:bg-transparent">
            <TableHead>Number</TableHead>
            {customerNames ? <TableHead>Customer</TableHead> : null}
            <TableHead>Title</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="text-right">Total</TableHead>
            <TableHead>Valid until</TableHead>
            <TableHead>Updated</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {quotes.map((q) => (
            <TableRow key={q.id} data-quote-id={q.id}>
              <TableCell className="font-medium whitespace-nowrap">
                <Link prefetch={false} href={`/quotes/${q.id}`} className="text-sky-800 hover:underline">
                  {q.number}
                </Link>
              </TableCell>
              {customerNames ? (
                <TableCell className="whitespace-nowrap">
                  <Link prefetch={false} href={`/customers/${q.customer_id}?tab=quotes`} className="text-sky-800 hover:underline">
                    {customerNames[q.customer_id] ?? 'Customer'}
                  </Link>
                </TableCell>
              ) : null}
              <TableCell className="min-w-48">{q.title}</TableCell>
              <TableCell>
                <QuoteStatusBadge status={q.status} />
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">{formatCents(q.total_cents, currency)}</TableCell>
              <TableCell className="whitespace-nowrap">{formatDayKeyDate(q.valid_until)}</TableCell>
              <TableCell className="whitespace-nowrap">{formatDate(q.updated_at, timeZone)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  )
}
