import type { Client, JobRow, JobStatus, RowInsert, RowUpdate } from '../types.ts'
import { unwrap, unwrapOne, ValidationError } from './errors.ts'
import { assertUuid, pageRange } from './validate.ts'

/** A customer's appointments, soonest first. */
export async function listCustomerJobs(client: Client, customerId: string): Promise<JobRow[]> {
  const id = assertUuid(customerId, 'customerId')
  const result = await client
    .from('jobs')
    .select('*')
    .eq('customer_id', id)
    .order('scheduled_start', { ascending: true, nullsFirst: false })
    .order('id', { ascending: true })
  return unwrap(result, 'listing customer jobs')
}

export interface ListJobsOptions {
  organizationId?: string
  status?: JobStatus | JobStatus[]
  technicianId?: string
  /** Only jobs starting at or after this instant (ISO 8601). */
  from?: string
  /** Only jobs starting before this instant (ISO 8601). */
  to?: string
  limit?: number
  offset?: number
}

/** Jobs visible to the caller, by scheduled start. */
export async function listJobs(client: Client, options: ListJobsOptions = {}): Promise<JobRow[]> {
  const range = pageRange(options.limit, options.offset)
  let query = client.from('jobs').select('*')
  if (options.organizationId)
    query = query.eq('organization_id', assertUuid(options.organizationId, 'organizationId'))
  if (options.technicianId)
    query = query.eq('technician_id', assertUuid(options.technicianId, 'technicianId'))
  if (Array.isArray(options.status)) query = query.in('status', options.status)
  else if (options.status) query = query.eq('status', options.status)
  if (options.from) query = query.gte('scheduled_start', isoInstant(options.from, 'from'))
  if (options.to) query = query.lt('scheduled_start', isoInstant(options.to, 'to'))
  const result = await query
    .order('scheduled_start', { ascending: true })
    .order('id', { ascending: true })
    .range(range.from, range.to)
  return unwrap(result, 'listing jobs')
}

/**
 * Every job starting in a window (a calendar's day or week), page by page, so a busy week is never
 * cut off at one page; at most `max` rows.
 */
export async function listJobsInWindow(
  client: Client,
  window: { organizationId: string; from: string; to: string; max?: number },
): Promise<JobRow[]> {
  const max = window.max ?? 5000
  const rows: JobRow[] = []
  for (let offset = 0; offset < max; offset += 500) {
    const page = await listJobs(client, { organizationId: window.organizationId, from: window.from, to: window.to, limit: 500, offset })
    rows.push(...page)
    if (page.length < 500) break
  }
  return rows.slice(0, max)
}

function isoInstant(value: string, field: string): string {
  if (Number.isNaN(Date.parse(value)))
    throw new ValidationError(field, 'must be an ISO 8601 date-time')
  return new Date(value).toISOString()
}

export async function getJob(client: Client, jobId: string): Promise<JobRow> {
  const id = assertUuid(jobId, 'jobId')
  return unwrapOne(
    await client.from('jobs').select('*').eq('id', id).maybeSingle(),
    'loading job',
    'job',
    id,
  )
}

export async function createJob(client: Client, input: RowInsert<'jobs'>): Promise<JobRow> {
  assertUuid(input.organization_id, 'organization_id')
  assertUuid(input.customer_id, 'customer_id')
  if (!input.title?.trim()) throw new ValidationError('title', 'must not be empty')
  checkWindow(input.scheduled_start, input.scheduled_end)
  return unwrap(await client.from('jobs').insert(input).select('*').single(), 'creating job')
}

function checkWindow(start: string | null | undefined, end: string | null | undefined) {
  if (start && end && Date.parse(end) <= Date.parse(start)) {
    throw new ValidationError('scheduled_end', 'must be after scheduled_start')
  }
}

export async function updateJob(
  client: Client,
  jobId: string,
  patch: RowUpdate<'jobs'>,
): Promise<JobRow> {
  const id = assertUuid(jobId, 'jobId')
  checkWindow(patch.scheduled_start, patch.scheduled_end)
  const result = await client.from('jobs').update(patch).eq('id', id).select('*').maybeSingle()
  return unwrapOne(result, 'updating job', 'job', id)
}

export function updateJobStatus(client: Client, jobId: string, status: JobStatus): Promise<JobRow> {
  return updateJob(client, jobId, { status })
}

export async function deleteJob(client: Client, jobId: string): Promise<void> {
  const id = assertUuid(jobId, 'jobId')
  unwrapOne(
    await client.from('jobs').delete().eq('id', id).select('id').maybeSingle(),
    'deleting job',
    'job',
    id,
  )
}

/** Customer confirms their own appointment (checked by the database function). */
export async function confirmJob(client: Client, jobId: string): Promise<JobRow> {
  const id = assertUuid(jobId, 'jobId')
  return unwrap(await client.rpc('confirm_job', { p_job_id: id }), 'confirming job')
}

export interface RescheduleRequest {
  preferredTimes: string[]
  note?: string
}

/** Customer asks to move an appointment, proposing times. */
export async function requestReschedule(
  client: Client,
  jobId: string,
  request: RescheduleRequest,
): Promise<JobRow> {
  const id = assertUuid(jobId, 'jobId')
  if (!Array.isArray(request.preferredTimes) || request.preferredTimes.length === 0) {
    throw new ValidationError('preferredTimes', 'must list at least one time')
  }
  for (const time of request.preferredTimes) isoInstant(time, 'preferredTimes')
  const result = await client.rpc('request_reschedule', {
    p_job_id: id,
    p_preferred_times: request.preferredTimes,
    ...(request.note ? { p_note: request.note } : {}),
  })
  return unwrap(result, 'requesting reschedule')
}

/** Customer or staff cancels an appointment; the function enforces the notice period. */
export async function cancelJob(client: Client, jobId: string, reason: string): Promise<JobRow> {
  const id = assertUuid(jobId, 'jobId')
  if (!reason.trim()) throw new ValidationError('reason', 'must not be empty')
  return unwrap(
    await client.rpc('cancel_job', { p_job_id: id, p_reason: reason.trim() }),
    'cancelling job',
  )
}
