import 'server-only'
import { nullIfNotFound } from '@repo/actions/errors'
import {
  getCustomersByIds,
  getJob,
  getPropertiesByIds,
  isUuid,
  listJobs,
  listJobsInWindow,
  listServices,
  listStaff,
  listTimeOff,
  listWorkingHours,
} from '@repo/database/repositories'
import type { JobRow } from '@repo/database/types'
import {
  addDaysToKey,
  type DayKey,
  dayKey,
  daysFrom,
  parseDayKey,
  parseDayParam,
  startOfZonedDay,
} from '@repo/domain/dates'
import { statusesBeforeVisit } from '@repo/domain/jobs'
import type { CalendarData, CalendarView } from '@/components/jobs/calendar/calendar-data.ts'
import type { StaffContext } from '@/lib/staff-context.ts'

export interface CalendarParams {
  view?: string
  date?: string
  job?: string
}

/** Where the calendar opens: the `?date=` day, else the linked job's day, else today. */
async function resolveRange({ supabase, organization }: StaffContext, params: CalendarParams) {
  const linked =
    params.job && isUuid(params.job) ? await nullIfNotFound(getJob(supabase, params.job)) : null
  const view: CalendarView =
    params.view === 'day' || params.view === 'week' ? params.view : linked ? 'day' : 'week'
  const tz = organization.timezone
  const first: DayKey =
    parseDayKey(params.date) ??
    (linked ? dayKey(linked.scheduled_start, tz) : parseDayParam(undefined, tz))
  return { view, first, linked }
}

/** The dispatch calendar's data, and the pending customer reschedule requests shown above it. */
export async function loadCalendar(context: StaffContext, params: CalendarParams) {
  const { supabase, organization } = context
  const tz = organization.timezone
  const { view, first, linked } = await resolveRange(context, params)
  const days = daysFrom(first, view === 'day' ? 1 : 7)
  // The calendar's days run from midnight to midnight in the organization's zone.
  const from = startOfZonedDay(first, tz).toISOString()
  const to = startOfZonedDay(addDaysToKey(first, days.length), tz).toISOString()
  const recent = new Date(Date.now() - 86_400_000).toISOString()
  const [inRange, staff, workingHours, timeOff, services, upcoming] = await Promise.all([
    listJobsInWindow(supabase, { organizationId: organization.id, from, to }),
    listStaff(supabase, organization.id),
    listWorkingHours(supabase, organization.id),
    listTimeOff(supabase, organization.id, { from, to }),
    listServices(supabase, organization.id),
    listJobs(supabase, {
      organizationId: organization.id,
      status: [...statusesBeforeVisit],
      from: recent,
      limit: 500,
    }),
  ])
  const bookingRequests = upcoming.filter((j) => j.status === 'requested')
  const rescheduleRequests = upcoming.filter((j) => j.reschedule_requested_at !== null)
  const byId = new Map<string, JobRow>()
  for (const job of [...inRange.filter((j) => j.status !== 'cancelled'), ...bookingRequests])
    byId.set(job.id, job)
  const jobs = [...byId.values()]

  const busy = new Set([
    ...jobs.map((j) => j.technician_id),
    ...workingHours.map((w) => w.staff_member_id),
  ])
  const technicians = staff
    .filter((s) => s.role === 'technician' || busy.has(s.id))
    .sort(
      (a, b) =>
        Number(b.role === 'technician') - Number(a.role === 'technician') ||
        a.full_name.localeCompare(b.full_name),
    )

  const [customers, properties] = await Promise.all([
    getCustomersByIds(
      supabase,
      [...jobs, ...rescheduleRequests].map((j) => j.customer_id),
    ),
    getPropertiesByIds(
      supabase,
      jobs.map((j) => j.property_id).filter((id): id is string => id !== null),
    ),
  ])
  const data: CalendarData = {
    view,
    days,
    jobs,
    technicians,
    staff,
    workingHours,
    timeOff,
    customerNames: Object.fromEntries(
      customers.map((c) => [c.id, `${c.first_name} ${c.last_name}`]),
    ),
    properties: Object.fromEntries(properties.map((p) => [p.id, p])),
    services,
    selectedJobId: linked?.id ?? null,
  }
  return { data, rescheduleRequests, first }
}
