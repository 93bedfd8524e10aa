import { getJob, getPropertiesByIds, listServices } from '@repo/database/repositories'
import { checkReschedule, rescheduleMode } from '@repo/domain/booking'
import { dayKey, formatDateTime } from '@repo/domain/dates'
import { checkCancellation, isJobOpen } from '@repo/domain/jobs'
import { formatCents } from '@repo/domain/money'
import { Card, CardHeader } from '@repo/ui/card'
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { MyPhotosUpload } from '@/components/files/my-photos-upload'
import { RecordFiles } from '@/components/files/record-files'
import { AppointmentPanel } from '@/components/jobs/appointment-panel'
import { JobPlace } from '@/components/jobs/job-place'
import { TechnicianArrival } from '@/components/jobs/technician-arrival'
import { loadArrival } from '@/lib/load-arrival'
import { loadOrNotFound } from '@/lib/load-or-not-found'
import { loadSlotPage } from '@/lib/load-slot-page'
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
  const [properties, services, arrival] = await Promise.all([
    job.property_id ? getPropertiesByIds(supabase, [job.property_id]) : [],
    job.service_id ? listServices(supabase, organization.id) : [],
    loadArrival(supabase, job, tz),
  ])
  const property = properties[0] ?? null
  const moving = checkReschedule(job, organization)
  const mode = rescheduleMode(
    job,
    organization,
    services.find((s) => s.id === job.service_id) ?? null,
  )
  const today = dayKey(new Date(), tz)
  const initialSlots =
    moving.allowed && mode === 'slots' && job.service_id
      ? await loadSlotPage(supabase, {
          serviceId: job.service_id,
          jobId: job.id,
          first: today,
          timeZone: tz,
        })
      : null

  return (
    <div className="space-y-4">
      <Link
        href="/appointments"
        className="inline-flex min-h-11 items-center text-sm font-medium text-sky-800 underline"
      >
        ← All appointments
      </Link>
      <h1 className="text-2xl font-bold">{job.title}</h1>
      {arrival ? <TechnicianArrival key={job.updated_at} {...arrival} /> : null}
      <Card aria-labelledby="when-heading">
        <CardHeader id="when-heading" title="Details" />
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-700">When</dt>
          <dd data-testid="job-when">{formatDateTime(job.scheduled_start, tz)}</dd>
          <JobPlace property={property} address={job.address} />
          <dt className="text-slate-700">Price</dt>
          <dd>
            {job.price_cents === null ? '—' : formatCents(job.price_cents, organization.currency)}
          </dd>
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
        reschedule={{
          blockedReason: moving.allowed ? null : moving.reason,
          mode,
          serviceId: job.service_id,
          initialSlots,
          needsConfirmation: !organization.instant_booking,
          today,
          horizonDays: organization.booking_horizon_days,
        }}
      />
      <RecordFiles supabase={supabase} scope={{ jobId: job.id }} title="Photos" id="photos-heading">
        {isJobOpen(job.status) ? <MyPhotosUpload jobId={job.id} /> : null}
      </RecordFiles>
    </div>
  )
}
