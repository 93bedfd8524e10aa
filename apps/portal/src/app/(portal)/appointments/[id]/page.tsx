import { getJob } from '@repo/database/repositories'
import { formatDateTime } from '@repo/domain/dates'
import { checkCancellation } from '@repo/domain/jobs'
import { formatCents } from '@repo/domain/money'
import { Card, CardHeader } from '@repo/ui/card'
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AppointmentPanel } from '@/components/jobs/appointment-panel'
import { loadOrNotFound } from '@/lib/load-or-not-found'
import { requirePortalSession } from '@/lib/portal-session'

export const metadata: Metadata = { title: 'Appointment' }

export default async function AppointmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { supabase, customer, organization } = await requirePortalSession()
  const job = await loadOrNotFound(() => getJob(supabase, id))
  // RLS already hides other customers' jobs; this guards staff-visible rows all the same.
  if (job.customer_id !== customer.id) notFound()
  const tz = organization.timezone
  const policy = checkCancellation(job, organization)

  return (
    <div className="space-y-4">
      <Link href="/appointments" className="inline-flex min-h-11 items-center text-sm font-medium text-sky-800 underline">
        ← All appointments
      </Link>
      <h1 className="text-2xl font-bold">{job.title}</h1>
      <Card aria-labelledby="when-heading">
        <CardHeader id="when-heading" title="Details" />
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-700">When</dt>
          <dd data-testid="job-when">{formatDateTime(job.scheduled_start, tz)}</dd>
          <dt className="text-slate-700">Where</dt>
          <dd>{job.address ?? '—'}</dd>
          <dt className="text-slate-700">Price</dt>
          <dd>{job.price_cents === null ? '—' : formatCents(job.price_cents, organization.currency)}</dd>
          {job.notes ? (
            <>
              <dt className="text-slate-700">Notes</dt>
              <dd>{job.notes}</dd>
            </>
          ) : null}
        </dl>
      </Card>
      <AppointmentPanel
        key={`${job.id}:${job.updated_at}`}
        job={job}
        timeZone={tz}
        cancelBlockedReason={policy.allowed ? null : policy.reason}
        noticeHours={organization.cancellation_notice_hours}
        mayConfirm={organization.customers_may_confirm}
        mayReschedule={organization.customers_may_reschedule}
      />
    </div>
  )
}
