import { getCustomersByIds, listJobs, listStaff } from '@repo/database/repositories'
import {
  addDaysToKey,
  dayKey,
  daysFrom,
  formatDayKey,
  parseDayParam,
  startOfZonedDay,
} from '@repo/domain/dates'
import { statusesBeforeVisit } from '@repo/domain/jobs'
import { Button } from '@repo/ui/button'
import type { Metadata } from 'next'
import Link from 'next/link'
import { ExportCsvButton } from '@/components/export/export-csv-button.tsx'
import { JobBoard } from '@/components/jobs/job-board.tsx'
import { RescheduleRequests } from '@/components/jobs/reschedule-requests.tsx'
import { requireStaff } from '@/lib/staff-context.ts'

export const metadata: Metadata = { title: 'Jobs' }

export default async function JobsPage({ searchParams }: { searchParams: Promise<{ view?: string; date?: string }> }) {
  const { supabase, organization, staff: staffMember } = await requireStaff()
  const params = await searchParams
  const view = params.view === 'day' ? 'day' : 'week'
  const tz = organization.timezone
  const first = parseDayParam(params.date, tz)
  const keys = daysFrom(first, view === 'day' ? 1 : 7)
  // The board's days run from midnight to midnight in the organization's zone.
  const from = startOfZonedDay(first, tz).toISOString()
  const to = startOfZonedDay(addDaysToKey(first, keys.length), tz).toISOString()
  const [jobs, staff, upcoming] = await Promise.all([
    listJobs(supabase, { organizationId: organization.id, from, to, limit: 500 }),
    listStaff(supabase, organization.id),
    listJobs(supabase, {
      organizationId: organization.id,
      status: [...statusesBeforeVisit],
      from: new Date(Date.now() - 86_400_000).toISOString(),
      limit: 500,
    }),
  ])
  const requests = upcoming.filter((j) => j.reschedule_requested_at !== null)
  const dayOf = Object.fromEntries(jobs.map((j) => [j.id, dayKey(j.scheduled_start, tz)]))
  const visible = jobs.filter((j) => keys.includes(dayOf[j.id] ?? ''))
  const customers = await getCustomersByIds(supabase, [...visible, ...requests].map((j) => j.customer_id))
  const names = Object.fromEntries(customers.map((c) => [c.id, `${c.first_name} ${c.last_name}`]))
  const step = view === 'day' ? 1 : 7
  const back = addDaysToKey(first, -step)

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Jobs</h1>
        <nav aria-label="Board range" className="flex flex-wrap items-center gap-2">
          <Button asChild variant="secondary">
            <Link href={`/jobs?view=${view}&date=${back}`}>Previous</Link>
          </Button>
          <Button asChild variant="secondary">
            <Link href={`/jobs?view=${view}`}>Today</Link>
          </Button>
          <Button asChild variant="secondary">
            <Link href={`/jobs?view=${view}&date=${addDaysToKey(first, step)}`}>Next</Link>
          </Button>
          <Button asChild variant={view === 'day' ? 'primary' : 'secondary'}>
            <Link href={`/jobs?view=day&date=${first}`} aria-current={view === 'day' ? 'page' : undefined}>
              Day
            </Link>
          </Button>
          <Button asChild variant={view === 'week' ? 'primary' : 'secondary'}>
            <Link href={`/jobs?view=week&date=${first}`} aria-current={view === 'week' ? 'page' : undefined}>
              Week
            </Link>
          </Button>
          <ExportCsvButton file="jobs.csv" role={staffMember.role} />
        </nav>
      </div>
      <RescheduleRequests jobs={requests} staff={staff} customerNames={names} />
      <JobBoard
        days={keys.map((key) => ({ key, label: formatDayKey(key) }))}
        jobs={visible}
        staff={staff}
        customerNames={names}
        dayOf={dayOf}
      />
    </div>
  )
}
