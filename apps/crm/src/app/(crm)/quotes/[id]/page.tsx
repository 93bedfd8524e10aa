import { nullIfNotFound } from '@repo/actions/errors'
import { getCustomer, getInvoice, getJob } from '@repo/database/repositories'
import { formatDateTime, formatDayKeyDate } from '@repo/domain/dates'
import { shownInvoiceStatus } from '@repo/domain/invoices'
import { jobStatusLabel } from '@repo/domain/jobs'
import { Card, CardHeader } from '@repo/ui/card'
import type { Metadata } from 'next'
import Link from 'next/link'
import { RecordFiles } from '@/components/files/record-files.tsx'
import { QuoteActions } from '@/components/quotes/quote-actions.tsx'
import { QuoteLines } from '@/components/quotes/quote-lines.tsx'
import { QuoteStatusBadge } from '@/components/quotes/quote-status-badge.tsx'
import { PropertyAddressLine } from '@/components/properties/property-address-line.tsx'
import { QuoteSummary } from '@/components/quotes/quote-summary.tsx'
import { QuoteSignature, QuoteTimeline } from '@/components/quotes/quote-timeline.tsx'
import { requireStaff } from '@/lib/staff-context.ts'
import { LiveRefresh } from '@/live/live-refresh.tsx'
import { loadQuote } from './load-quote.ts'

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const quote = await loadQuote((await params).id)
  return { title: `Quote ${quote.number}` }
}

/** One quote: its lines and options, totals and deposit, what happened to it, and what to do next. Live. */
export default async function QuotePage({ params }: { params: Promise<{ id: string }> }) {
  const quote = await loadQuote((await params).id)
  const { supabase, organization } = await requireStaff()
  const tz = organization.timezone
  const currency = organization.currency
  const [customer, job, invoice] = await Promise.all([
    nullIfNotFound(getCustomer(supabase, quote.customer_id)),
    quote.job_id ? nullIfNotFound(getJob(supabase, quote.job_id)) : null,
    quote.invoice_id ? nullIfNotFound(getInvoice(supabase, quote.invoice_id)) : null,
  ])
  const customerName = customer ? `${customer.first_name} ${customer.last_name}` : 'Customer'
  const signature = quote.quote_signatures

  return (
    <div className="space-y-4">
      {/* The customer opening, approving or declining it shows here without a reload. */}
      <LiveRefresh tables={['quotes']} recordId={quote.id} />
      <p className="text-sm text-slate-700">
        <Link href="/quotes" className="text-sky-800 underline">
          Quotes
        </Link>{' '}
        /
      </p>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-bold">Quote {quote.number}</h1>
            <QuoteStatusBadge status={quote.status} />
            <span className="text-sm text-slate-700" data-testid="quote-version">
              Version {quote.version}
            </span>
          </div>
          <p className="text-lg break-words">{quote.title}</p>
          <p className="text-sm text-slate-700">
            For{' '}
            <Link href={`/customers/${quote.customer_id}?tab=quotes`} className="text-sky-800 underline">
              {customerName}
            </Link>
            {' · '}Valid until {formatDayKeyDate(quote.valid_until)}
          </p>
        </div>
        <QuoteActions quote={quote} />
      </div>
      {job || invoice ? (
        <ul aria-label="Made from this quote" className="flex flex-wrap gap-x-6 gap-y-1 rounded-lg bg-sky-50 p-3 text-sm">
          {job ? (
            <li>
              Job:{' '}
              <Link prefetch={false} href={`/customers/${job.customer_id}?tab=jobs`} className="font-medium text-sky-800 underline">
                {job.title}
              </Link>{' '}
              ({jobStatusLabel[job.status]}, {formatDateTime(job.scheduled_start, tz)})
            </li>
          ) : null}
          {invoice ? (
            <li>
              Invoice:{' '}
              <Link prefetch={false} href={`/invoices/${invoice.id}`} className="font-medium text-sky-800 underline">
                {invoice.number}
              </Link>{' '}
              ({shownInvoiceStatus(invoice)})
            </li>
          ) : null}
        </ul>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-4">
          <Card aria-labelledby="quote-lines-heading">
            <CardHeader id="quote-lines-heading" title="Lines" />
            <QuoteLines lines={quote.quote_line_items} approved={quote.status === 'approved'} currency={currency} />
          </Card>
          {quote.notes || quote.terms ? (
            <Card aria-labelledby="quote-notes-heading">
              <CardHeader id="quote-notes-heading" title="Notes and terms" />
              <div className="space-y-3 text-sm">
                {quote.notes ? <p className="whitespace-pre-line break-words">{quote.notes}</p> : null}
                {quote.terms ? (
                  <p className="whitespace-pre-line break-words text-slate-700">
                    <span className="font-medium text-slate-900">Terms: </span>
                    {quote.terms}
                  </p>
                ) : null}
              </div>
            </Card>
          ) : null}
          <Card>
            <RecordFiles target={{ type: 'quote', id: quote.id }} title="Documents" />
          </Card>
        </div>
        <div className="space-y-4">
          <Card aria-labelledby="quote-totals-heading">
            <CardHeader id="quote-totals-heading" title="Totals" />
            <QuoteSummary quote={quote} currency={currency} />
          </Card>
          {signature ? (
            <Card aria-labelledby="quote-signature-heading">
              <CardHeader id="quote-signature-heading" title="Signature" />
              <QuoteSignature signature={signature} timeZone={tz} />
            </Card>
          ) : null}
          <Card aria-labelledby="quote-timeline-heading">
            <CardHeader id="quote-timeline-heading" title="Timeline" />
            <QuoteTimeline quote={quote} timeZone={tz} />
          </Card>
          {customer ? (
            <Card aria-labelledby="quote-customer-heading">
              <CardHeader id="quote-customer-heading" title="Customer" />
              <div className="space-y-1 text-sm">
                <Link href={`/customers/${customer.id}`} className="font-medium text-sky-800 underline">
                  {customerName}
                </Link>
                {[customer.email, customer.phone].filter(Boolean).map((line) => (
                  <p key={line} className="break-words text-slate-700">
                    {line}
                  </p>
                ))}
                <PropertyAddressLine propertyId={quote.property_id} />
                <p className="text-slate-700">{customer.portal_user_id ? 'Has a portal login: sees the quote once sent.' : 'No portal login yet: invite them from their page to let them answer online.'}</p>
              </div>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  )
}
