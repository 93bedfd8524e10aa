import { listCustomerJobs } from '@repo/database/repositories'
import { isUpcoming } from '@repo/domain/jobs'
import type { Metadata } from 'next'
import { BookServiceLink } from '@/components/booking/book-service-link'
import { JobList } from '@/components/jobs/job-list'
import { requirePortalSession } from '@/lib/portal-session'

export const metadata: Metadata = { title: 'Appointments' }

export default async function AppointmentsPage() {
  const { supabase, customer, organization } = await requirePortalSession()
  const jobs = await listCustomerJobs(supabase, customer.id)
  const upcoming = jobs.filter((job) => isUpcoming(job))
  // Most recent first for history.
  const past = jobs.filter((job) => !isUpcoming(job)).reverse()
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">Appointments</h1>
        {organization.online_booking ? <BookServiceLink /> : null}
      </div>
      <section aria-labelledby="upcoming" className="space-y-2">
        <h2 id="upcoming" className="text-lg font-semibold">
          Upcoming
        </h2>
        <JobList jobs={upcoming} timeZone={organization.timezone} currency={organization.currency} emptyTitle="No upcoming appointments" />
      </section>
      <section aria-labelledby="past" className="space-y-2">
        <h2 id="past" className="text-lg font-semibold">
          Past
        </h2>
        <JobList jobs={past} timeZone={organization.timezone} currency={organization.currency} emptyTitle="No past appointments yet" />
      </section>
    </div>
  )
}
