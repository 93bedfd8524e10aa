import { listTechnicianJobs } from '@repo/database/repositories'
import { addDaysToKey, dayKey, formatDayKey, startOfZonedDay } from '@repo/domain/dates'
import type { Metadata } from 'next'
import { VisitCard } from '@/components/field-work/visit-card.tsx'
import { LiveRefresh } from '@/live/live-refresh.tsx'
import { requireStaff } from '@/lib/staff-context.ts'
import { SaveForOffline } from '@/offline/save-for-offline.tsx'

export const metadata: Metadata = { title: 'My day' }

/** A technician's own visits today, in time order, and tomorrow's below. */
export default async function MyDayPage() {
  const { supabase, staff, organization } = await requireStaff()
  const zone = organization.timezone
  const today = dayKey(new Date(), zone)
  const tomorrow = addDaysToKey(today, 1)
  const jobs = await listTechnicianJobs(supabase, {
    technicianId: staff.id,
    from: startOfZonedDay(today, zone).toISOString(),
    to: startOfZonedDay(addDaysToKey(today, 2), zone).toISOString(),
  })
  const days = [
    {
      key: today,
      title: 'Today',
      jobs: jobs.filter((j) => dayKey(j.scheduled_start, zone) === today),
    },
    {
      key: tomorrow,
      title: 'Tomorrow',
      jobs: jobs.filter((j) => dayKey(j.scheduled_start, zone) === tomorrow),
    },
  ]
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <LiveRefresh tables={['jobs', 'properties']} />
      <SaveForOffline paths={['/my-day', ...jobs.map((job) => `/my-day/${job.id}`)]} />
      <h1 className="text-2xl font-bold">My day</h1>
      {days.map((day) => (
        <section key={day.key} aria-labelledby={`day-${day.key}`} className="space-y-3">
          <h2 id={`day-${day.key}`} className="text-lg font-semibold text-slate-800">
            {day.title}{' '}
            <span className="font-normal text-slate-500">· {formatDayKey(day.key)}</span>
          </h2>
          {day.jobs.length === 0 ? (
            <p className="rounded-xl border border-dashed border-slate-300 p-4 text-slate-600">
              No visits.
            </p>
          ) : (
            <ol className="space-y-3">
              {day.jobs.map((job) => (
                <VisitCard key={job.id} job={job} timeZone={zone} />
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  )
}
