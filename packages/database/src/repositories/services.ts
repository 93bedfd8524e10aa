import type { Client, ServiceRow, TechnicianServiceRow } from '../types.ts'
import { unwrap, unwrapOne, ValidationError } from './errors.ts'
import { assertUuid } from './validate.ts'

/** The business's services, by name (staff read them all; customers only the active ones, by RLS). */
export async function listServices(
  client: Client,
  organizationId: string,
  options: { includeInactive?: boolean } = {},
): Promise<ServiceRow[]> {
  let query = client.from('services').select('*').eq('organization_id', assertUuid(organizationId, 'organizationId'))
  if (!options.includeInactive) query = query.eq('active', true)
  return unwrap(await query.order('name', { ascending: true }).order('id', { ascending: true }), 'listing services')
}

/** Adds a service (owners and admins, by RLS); unit and taxable default to 'each' and taxable. */
export async function createService(
  client: Client,
  input: {
    organizationId: string
    name: string
    basePriceCents: number
    durationMinutes: number
    description?: string | null
    unit?: string
    taxable?: boolean
  },
): Promise<ServiceRow> {
  if (!input.name.trim()) throw new ValidationError('name', 'must not be empty')
  if (input.unit !== undefined && !input.unit.trim()) throw new ValidationError('unit', 'must not be empty')
  const result = await client
    .from('services')
    .insert({
      organization_id: assertUuid(input.organizationId, 'organizationId'),
      name: input.name.trim(),
      base_price_cents: input.basePriceCents,
      duration_minutes: input.durationMinutes,
      ...(input.description !== undefined ? { description: input.description?.trim() || null } : {}),
      ...(input.unit !== undefined ? { unit: input.unit.trim() } : {}),
      ...(input.taxable !== undefined ? { taxable: input.taxable } : {}),
    })
    .select('*')
    .single()
  return unwrap(result, 'adding the service')
}

/** Offers a service again, or stops offering it (past jobs keep it). */
export async function setServiceActive(client: Client, serviceId: string, active: boolean): Promise<ServiceRow> {
  const id = assertUuid(serviceId, 'serviceId')
  const result = await client.from('services').update({ active }).eq('id', id).select('*').maybeSingle()
  return unwrapOne(result, 'updating the service', 'service', id)
}

/** Whether customers may book a service online (owners and admins, by RLS). */
export async function setServiceBookableOnline(
  client: Client,
  serviceId: string,
  bookable: boolean,
): Promise<ServiceRow> {
  const id = assertUuid(serviceId, 'serviceId')
  const result = await client
    .from('services')
    .update({ bookable_online: bookable })
    .eq('id', id)
    .select('*')
    .maybeSingle()
  return unwrapOne(result, 'updating the service', 'service', id)
}

/**
 * Sets which services a technician does (none: every service). New skills are added before old
 * ones are removed, so a failure half-way leaves them able to do more, never nothing.
 */
export async function setTechnicianServices(
  client: Client,
  organizationId: string,
  staffMemberId: string,
  serviceIds: readonly string[],
): Promise<TechnicianServiceRow[]> {
  const org = assertUuid(organizationId, 'organizationId')
  const staff = assertUuid(staffMemberId, 'staffMemberId')
  const wanted = [...new Set(serviceIds)].map((id, i) => assertUuid(id, `serviceIds.${i}`))
  if (wanted.length > 0) {
    unwrap(
      await client
        .from('technician_services')
        .upsert(
          wanted.map((service_id) => ({
            organization_id: org,
            staff_member_id: staff,
            service_id,
          })),
          { onConflict: 'staff_member_id,service_id', ignoreDuplicates: true },
        )
        .select('*'),
      'saving technician skills',
    )
  }
  let removal = client.from('technician_services').delete().eq('staff_member_id', staff)
  if (wanted.length > 0) removal = removal.not('service_id', 'in', `(${wanted.join(',')})`)
  unwrap(await removal.select('service_id'), 'saving technician skills')
  return unwrap(
    await client.from('technician_services').select('*').eq('staff_member_id', staff),
    'loading technician skills',
  )
}
