import type {
  Client,
  JobRow,
  RowInsert,
  TechnicianServiceRow,
  TimeOffRow,
  WorkingHoursRow,
} from '../types.ts'
import { rpcRow, unwrap, ValidationError } from './errors.ts'
import { assertUuid } from './validate.ts'

/** A free start time for a service, and how many technicians could take it. */
export interface OpenSlot {
  starts_at: string
  ends_at: string
  technicians: number
}

export interface SlotQuery {
  serviceId: string
  /** First instant to look from (ISO 8601; default now). */
  from?: string
  /** How many days to look at, 1–62 (default 14). */
  days?: number
  /** A job being moved: its own time does not count as taken, and its length is used. */
  jobId?: string
}

/**
 * Free start times, computed by the database from working hours, time off, the jobs already on the
 * calendar and the business's booking rules (customers see their online window only).
 */
export async function listOpenSlots(client: Client, query: SlotQuery): Promise<OpenSlot[]> {
  const days = query.days ?? 14
  if (!Number.isInteger(days) || days < 1 || days > 62)
    throw new ValidationError('days', 'must be 1 to 62')
  const result = await client.rpc('available_slots', {
    p_service_id: assertUuid(query.serviceId, 'serviceId'),
    p_days: days,
    ...(query.from ? { p_from: query.from } : {}),
    ...(query.jobId ? { p_job_id: assertUuid(query.jobId, 'jobId') } : {}),
  })
  return unwrap(result, 'finding free times')
}

export interface BookingInput {
  serviceId: string
  startsAt: string
  propertyId?: string | null
  notes?: string | null
}

/**
 * The signed-in customer books a free start time. A time taken meanwhile fails with code 23P01
 * (status 409) and saves nothing; sending the same booking twice returns the first job.
 */
export async function bookAppointment(client: Client, input: BookingInput): Promise<JobRow> {
  const result = await client.rpc('book_appointment', {
    p_service_id: assertUuid(input.serviceId, 'serviceId'),
    p_starts_at: input.startsAt,
    ...(input.propertyId ? { p_property_id: assertUuid(input.propertyId, 'propertyId') } : {}),
    ...(input.notes ? { p_notes: input.notes } : {}),
  })
  return rpcRow(unwrap(result, 'booking'), 'book_appointment')
}

/** The signed-in customer moves their appointment to a free start time (23P01 when it was taken). */
export async function rescheduleAppointment(
  client: Client,
  jobId: string,
  startsAt: string,
): Promise<JobRow> {
  const result = await client.rpc('reschedule_appointment', {
    p_job_id: assertUuid(jobId, 'jobId'),
    p_starts_at: startsAt,
  })
  return rpcRow(unwrap(result, 'rescheduling'), 'reschedule_appointment')
}

/** Whether an error means "that time was taken meanwhile". */
export function isSlotTaken(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23P01'
}

export type ConflictKind = 'overlap' | 'outside_hours' | 'time_off'
export interface ScheduleConflict {
  kind: ConflictKind
  message: string
  job_id: string | null
}

/** What is wrong with a technician doing a job at a time (overlaps, hours, time off), before saving. */
export async function findScheduleConflicts(
  client: Client,
  input: { technicianId: string; startsAt: string; endsAt: string; jobId?: string | null },
): Promise<ScheduleConflict[]> {
  const result = await client.rpc('schedule_conflicts', {
    p_technician_id: assertUuid(input.technicianId, 'technicianId'),
    p_starts_at: input.startsAt,
    p_ends_at: input.endsAt,
    ...(input.jobId ? { p_job_id: assertUuid(input.jobId, 'jobId') } : {}),
  })
  return unwrap(result, 'checking the schedule') as ScheduleConflict[]
}

/** Every technician's weekly hours in the organization. */
export async function listWorkingHours(
  client: Client,
  organizationId: string,
): Promise<WorkingHoursRow[]> {
  const result = await client
    .from('working_hours')
    .select('*')
    .eq('organization_id', assertUuid(organizationId, 'organizationId'))
    .order('staff_member_id')
    .order('weekday')
    .order('starts_at')
  return unwrap(result, 'loading working hours')
}

/** Replaces one staff member's weekly hours in one transaction: all saved, or none changed. */
export async function replaceWorkingHours(
  client: Client,
  staffMemberId: string,
  shifts: { weekday: number; starts_at: string; ends_at: string }[],
): Promise<WorkingHoursRow[]> {
  const result = await client.rpc('set_working_hours', {
    p_staff_member_id: assertUuid(staffMemberId, 'staffMemberId'),
    p_shifts: shifts,
  })
  return unwrap(result, 'saving working hours')
}

/** Time off overlapping a window (or all upcoming when no window is given). */
export async function listTimeOff(
  client: Client,
  organizationId: string,
  window: { from: string; to?: string },
): Promise<TimeOffRow[]> {
  let query = client
    .from('time_off')
    .select('*')
    .eq('organization_id', assertUuid(organizationId, 'organizationId'))
    .gt('ends_at', window.from)
  if (window.to) query = query.lt('starts_at', window.to)
  return unwrap(await query.order('starts_at').limit(500), 'loading time off')
}

export async function addTimeOff(
  client: Client,
  input: RowInsert<'time_off'>,
): Promise<TimeOffRow> {
  return unwrap(await client.from('time_off').insert(input).select('*').single(), 'adding time off')
}

export async function removeTimeOff(client: Client, timeOffId: string): Promise<void> {
  unwrap(
    await client
      .from('time_off')
      .delete()
      .eq('id', assertUuid(timeOffId, 'timeOffId'))
      .select('id'),
    'removing time off',
  )
}

/** Which services each technician does (a technician without rows does them all). */
export async function listTechnicianServices(
  client: Client,
  organizationId: string,
): Promise<TechnicianServiceRow[]> {
  const result = await client
    .from('technician_services')
    .select('*')
    .eq('organization_id', assertUuid(organizationId, 'organizationId'))
  return unwrap(result, 'loading technician skills')
}
