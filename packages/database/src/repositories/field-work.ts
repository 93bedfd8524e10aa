import type { Client, JobRow, Json, Row } from '../types.ts'
import { check, unwrap, unwrapOne, ValidationError } from './errors.ts'
import { assertUuid } from './validate.ts'

// What a technician needs for a visit: who, where (the property, with access notes and
// coordinates), what (the service and its checklist) and by whom.
const fieldJobSelect = `*,
  customer:customers!jobs_organization_id_customer_id_fkey(id, first_name, last_name, phone),
  property:properties!jobs_property_fkey(id, label, address_line1, address_line2, city, region, postal_code, access_notes, latitude, longitude),
  service:services!jobs_organization_id_service_id_fkey(id, name, checklist),
  technician:staff_members!jobs_organization_id_technician_id_fkey(id, full_name, avatar_path)` as const

export type FieldJobProperty = Pick<
  Row<'properties'>,
  | 'id'
  | 'label'
  | 'address_line1'
  | 'address_line2'
  | 'city'
  | 'region'
  | 'postal_code'
  | 'access_notes'
  | 'latitude'
  | 'longitude'
>

export type FieldJob = JobRow & {
  customer: Pick<Row<'customers'>, 'id' | 'first_name' | 'last_name' | 'phone'> | null
  property: FieldJobProperty | null
  service: Pick<Row<'services'>, 'id' | 'name' | 'checklist'> | null
  technician: Pick<Row<'staff_members'>, 'id' | 'full_name' | 'avatar_path'> | null
}

export type JobChecklistTick = Row<'job_checklist_ticks'>
export type JobPosition = Row<'job_positions'>

/** A technician's visits starting in a window (a day or two), in time order, cancelled ones left out. */
export async function listTechnicianJobs(
  client: Client,
  window: { technicianId: string; from: string; to: string },
): Promise<FieldJob[]> {
  const result = await client
    .from('jobs')
    .select(fieldJobSelect)
    .eq('technician_id', assertUuid(window.technicianId, 'technicianId'))
    .neq('status', 'cancelled')
    .gte('scheduled_start', instant(window.from, 'from'))
    .lt('scheduled_start', instant(window.to, 'to'))
    .order('scheduled_start', { ascending: true })
    .order('id', { ascending: true })
  return unwrap(result, 'listing the technician’s jobs')
}

/** One visit with everything a technician needs on site. */
export async function getFieldJob(client: Client, jobId: string): Promise<FieldJob> {
  const id = assertUuid(jobId, 'jobId')
  return unwrapOne(
    await client.from('jobs').select(fieldJobSelect).eq('id', id).maybeSingle(),
    'loading the job',
    'job',
    id,
  )
}

export async function listChecklistTicks(
  client: Client,
  jobId: string,
): Promise<JobChecklistTick[]> {
  const result = await client
    .from('job_checklist_ticks')
    .select('*')
    .eq('job_id', assertUuid(jobId, 'jobId'))
    .order('done_at', { ascending: true })
  return unwrap(result, 'listing checklist ticks')
}

/** Ticks (done) or unticks one checklist item of a job; ticking twice keeps the first tick. */
export async function setChecklistItem(
  client: Client,
  input: { organizationId: string; jobId: string; item: string; done: boolean },
): Promise<void> {
  const jobId = assertUuid(input.jobId, 'jobId')
  if (input.done) {
    const result = await client.from('job_checklist_ticks').upsert(
      {
        organization_id: assertUuid(input.organizationId, 'organizationId'),
        job_id: jobId,
        item: input.item,
      },
      { onConflict: 'job_id,item', ignoreDuplicates: true },
    )
    check(result, 'ticking a checklist item')
    return
  }
  const result = await client
    .from('job_checklist_ticks')
    .delete()
    .eq('job_id', jobId)
    .eq('item', input.item)
  check(result, 'unticking a checklist item')
}

/** Keeps the technician's last known position for a job en route (one row per job). */
export async function saveJobPosition(
  client: Client,
  input: {
    organizationId: string
    jobId: string
    latitude: number
    longitude: number
    accuracyM?: number | null
    recordedAt?: string
  },
): Promise<void> {
  const result = await client.from('job_positions').upsert(
    {
      job_id: assertUuid(input.jobId, 'jobId'),
      organization_id: assertUuid(input.organizationId, 'organizationId'),
      latitude: input.latitude,
      longitude: input.longitude,
      accuracy_m: input.accuracyM ?? null,
      recorded_at: input.recordedAt ?? new Date().toISOString(),
    },
    { onConflict: 'job_id' },
  )
  check(result, 'saving the position')
}

/** The last known position of the technician on the way to a job, or null. */
export async function getJobPosition(client: Client, jobId: string): Promise<JobPosition | null> {
  const result = await client
    .from('job_positions')
    .select('*')
    .eq('job_id', assertUuid(jobId, 'jobId'))
    .maybeSingle()
  check(result, 'loading the position')
  return result.data
}

/** Replaces a service's checklist template (owners and admins, by RLS). */
export async function setServiceChecklist(
  client: Client,
  serviceId: string,
  items: string[],
): Promise<Row<'services'>> {
  const id = assertUuid(serviceId, 'serviceId')
  const result = await client
    .from('services')
    .update({ checklist: items })
    .eq('id', id)
    .select('*')
    .maybeSingle()
  return unwrapOne(result, 'updating the checklist', 'service', id)
}

function instant(value: string, field: string): string {
  if (Number.isNaN(Date.parse(value)))
    throw new ValidationError(field, 'must be an ISO 8601 date-time')
  return new Date(value).toISOString()
}

export type JobSignature = Row<'job_signatures'>

/**
 * Records the customer's signature for a visit in progress, with the work summary they saw; the
 * database stamps the time and the signer's account and hashes the summary.
 */
export async function saveJobSignature(
  client: Client,
  input: {
    organizationId: string
    jobId: string
    signerName: string
    signaturePng: string
    summary: Record<string, Json>
  },
): Promise<JobSignature> {
  const result = await client
    .from('job_signatures')
    .insert({
      organization_id: assertUuid(input.organizationId, 'organizationId'),
      job_id: assertUuid(input.jobId, 'jobId'),
      signer_name: input.signerName,
      signature_png: input.signaturePng,
      summary: input.summary,
    })
    .select('*')
    .single()
  return unwrap(result, 'saving the signature')
}

/** The signature given for a visit, or null. */
export async function getJobSignature(client: Client, jobId: string): Promise<JobSignature | null> {
  const result = await client
    .from('job_signatures')
    .select('*')
    .eq('job_id', assertUuid(jobId, 'jobId'))
    .maybeSingle()
  check(result, 'loading the signature')
  return result.data
}
