import type { JobRow, StaffMemberRow } from '@repo/database/types'
import { JobCard } from './job-card.tsx'

/** Customers' pending reschedule requests; the board's live refresh keeps this list current. */
export function RescheduleRequests({
  jobs,
  staff,
  customerNames,
}: {
  jobs: JobRow[]
  staff: StaffMemberRow[]
  customerNames: Record<string, string>
}) {
  if (jobs.length === 0) return null
  return (
    <section aria-labelledby="requests-heading" className="space-y-2 rounded-xl border border-violet-200 bg-violet-50/50 p-3">
      <h2 id="requests-heading" className="font-semibold text-violet-950">
        Reschedule requests ({jobs.length})
      </h2>
      <div className="grid gap-2 md:grid-cols-2">
        {jobs.map((job) => (
          <JobCard key={job.id} job={job} staff={staff} customerName={customerNames[job.customer_id]} />
        ))}
      </div>
    </section>
  )
}
