import { addDaysToKey } from '@repo/domain/dates'
import { Button } from '@repo/ui/button'
import type { Metadata } from 'next'
import Link from 'next/link'
import { ExportCsvButton } from '@/components/export/export-csv-button.tsx'
import { DispatchCalendar } from '@/components/jobs/calendar/dispatch-calendar.tsx'
import { RescheduleRequests } from '@/components/jobs/reschedule-requests.tsx'
import { requireStaff } from '@/lib/staff-context.ts'
import { type CalendarParams, loadCalendar } from './load-calendar.ts'

export const metadata: Metadata = { title: 'Jobs' }

export default async function JobsPage({
  searchParams,
}: {
  searchParams: Promise<CalendarParams>
}) {
  const context = await requireStaff()
  const { data, rescheduleRequests, first } = await loadCalendar(context, await searchParams)
  const { view } = data
  const step = view === 'day' ? 1 : 7

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Jobs</h1>
        <nav aria-label="Calendar range" className="flex flex-wrap items-center gap-2">
          <Button asChild variant="secondary">
            <Link href={`/jobs?view=${view}&date=${addDaysToKey(first, -step)}`}>Previous</Link>
          </Button>
          <Button asChild variant="secondary">
            <Link href={`/jobs?view=${view}`}>Today</Link>
          </Button>
          <Button asChild variant="secondary">
            <Link href={`/jobs?view=${view}&date=${addDaysToKey(first, step)}`}>Next</Link>
          </Button>
          <Button asChild variant={view === 'day' ? 'primary' : 'secondary'}>
            <Link
              href={`/jobs?view=day&date=${first}`}
              aria-current={view === 'day' ? 'page' : undefined}
            >
              Day
            </Link>
          </Button>
          <Button asChild variant={view === 'week' ? 'primary' : 'secondary'}>
            <Link
              href={`/jobs?view=week&date=${first}`}
              aria-current={view === 'week' ? 'page' : undefined}
            >
              Week
            </Link>
          </Button>
          <ExportCsvButton file="jobs.csv" role={context.staff.role} />
        </nav>
      </div>
      <RescheduleRequests
        jobs={rescheduleRequests}
        staff={data.staff}
        customerNames={data.customerNames}
      />
      <DispatchCalendar data={data} />
    </div>
  )
}
