import {
  getLoyaltyBalance,
  listCustomerInvoices,
  listCustomerJobs,
  listQuotes,
} from '@repo/database/repositories'
import { formatDateTime } from '@repo/domain/dates'
import { amountDue, isInvoiceOpen } from '@repo/domain/invoices'
import { isUpcoming } from '@repo/domain/jobs'
import { formatPoints } from '@repo/domain/loyalty'
import { formatCents } from '@repo/domain/money'
import { isQuoteAwaitingAnswer, shownQuoteStatus } from '@repo/domain/quotes'
import { Card, CardHeader } from '@repo/ui/card'
import { EmptyState } from '@repo/ui/empty-state'
import type { Metadata } from 'next'
import Link from 'next/link'
import { BookServiceLink } from '@/components/booking/book-service-link'
import { TeamOnline } from '@/components/dashboard/team-online'
import { JobList } from '@/components/jobs/job-list'
import { JobStatusBadge } from '@/components/jobs/job-status-badge'
import { TechnicianArrival } from '@/components/jobs/technician-arrival'
import { loadArrival } from '@/lib/load-arrival'
import { AwaitingQuotesCard } from '@/components/quotes/awaiting-quotes-card'
import { loadUnreadCount, requirePortalSession } from '@/lib/portal-session'

export const metadata: Metadata = { title: 'Home' }

export default async function DashboardPage() {
  const { supabase, customer, organization } = await requirePortalSession()
  const [jobs, invoices, unread, points, openQuotes] = await Promise.all([
    listCustomerJobs(supabase, customer.id),
    listCustomerInvoices(supabase, customer.id),
    loadUnreadCount(),
    getLoyaltyBalance(supabase, customer.id),
    listQuotes(supabase, { customerId: customer.id, status: ['sent', 'viewed'] }),
  ])
  const upcoming = jobs.filter((job) => isUpcoming(job))
  const next = upcoming[0]
  const open = invoices.filter((invoice) => isInvoiceOpen(invoice.status))
  const tz = organization.timezone
  // A technician on the way is news: it shows above everything else.
  const onTheWay = upcoming.find((job) => job.status === 'en_route')
  const arrival = onTheWay ? await loadArrival(supabase, onTheWay, tz) : null
  const awaitingQuotes = openQuotes.filter((quote) =>
    isQuoteAwaitingAnswer(shownQuoteStatus(quote, tz)),
  )

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-bold">Welcome back, {customer.first_name}</h1>
        <TeamOnline />
      </div>
      {arrival && onTheWay ? <TechnicianArrival key={onTheWay.updated_at} {...arrival} /> : null}

      <Card aria-labelledby="next-heading">
        <CardHeader
          id="next-heading"
          title="Next appointment"
          action={organization.online_booking ? <BookServiceLink /> : null}
        />
        {next ? (
          <Link
            href={`/appointments/${next.id}`}
            className="block rounded-lg focus-visible:outline-2 focus-visible:outline-sky-700"
            data-testid="next-appointment"
          >
            <p className="text-lg font-semibold">{next.title}</p>
            <p className="text-slate-700">{formatDateTime(next.scheduled_start, tz)}</p>
            <div className="mt-2">
              <JobStatusBadge status={next.status} />
            </div>
          </Link>
        ) : (
          <EmptyState title="Nothing booked right now">
            {organization.online_booking
              ? 'Pick a free time online, or message us.'
              : 'Message us to book your next visit.'}
          </EmptyState>
        )}
      </Card>

      <AwaitingQuotesCard quotes={awaitingQuotes} currency={organization.currency} />

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Card aria-labelledby="due-heading">
          <CardHeader id="due-heading" title="Amount due" />
          <p className="text-2xl font-bold tabular-nums" data-testid="amount-due">
            {formatCents(amountDue(invoices), organization.currency)}
          </p>
          <Link
            href="/invoices"
            className="inline-flex min-h-11 items-center text-sm font-medium text-sky-800 underline"
          >
            {open.length === 1 ? '1 open invoice' : `${open.length} open invoices`}
          </Link>
        </Card>
        <Card aria-labelledby="unread-heading">
          <CardHeader id="unread-heading" title="Messages" />
          <p className="text-2xl font-bold tabular-nums" data-testid="unread-count">
            {unread}
          </p>
          <Link
            href="/messages"
            className="inline-flex min-h-11 items-center text-sm font-medium text-sky-800 underline"
          >
            {unread === 1 ? '1 unread message' : `${unread} unread messages`}
          </Link>
        </Card>
        <Card aria-labelledby="points-heading">
          <CardHeader id="points-heading" title="Reward points" />
          <p className="text-2xl font-bold tabular-nums" data-testid="points-balance">
            {formatPoints(points)}
          </p>
          <Link
            href="/loyalty"
            className="inline-flex min-h-11 items-center text-sm font-medium text-sky-800 underline"
          >
            See rewards
          </Link>
        </Card>
      </div>

      <section aria-labelledby="upcoming-heading" className="space-y-2">
        <h2 id="upcoming-heading" className="text-lg font-semibold">
          Upcoming appointments
        </h2>
        <JobList
          jobs={upcoming.slice(0, 5)}
          timeZone={tz}
          currency={organization.currency}
          emptyTitle="No upcoming appointments"
        />
      </section>

      {organization.phone || organization.email || organization.address ? (
        <Card aria-labelledby="contact-heading">
          <CardHeader id="contact-heading" title={`Contact ${organization.name}`} />
          <ul className="space-y-1 text-sm">
            {organization.phone ? (
              <li>
                <a
                  href={`tel:${organization.phone.replace(/[^+\d]/g, '')}`}
                  className="inline-flex min-h-11 items-center font-medium text-sky-800 underline"
                >
                  {organization.phone}
                </a>
              </li>
            ) : null}
            {organization.email ? (
              <li>
                <a
                  href={`mailto:${organization.email}`}
                  className="inline-flex min-h-11 items-center font-medium text-sky-800 underline"
                >
                  {organization.email}
                </a>
              </li>
            ) : null}
            {organization.address ? (
              <li className="text-slate-700">{organization.address}</li>
            ) : null}
          </ul>
        </Card>
      ) : null}
    </div>
  )
}
