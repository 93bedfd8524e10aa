'use server'

import { nullIfNotFound } from '@repo/actions/errors'
import { ok } from '@repo/actions/result'
import { createJob, getCustomer } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { customerKey, technicianKey, unknownCustomer } from '../unknown-records.ts'
import { type ScheduleOutcome, unconfirmedConflicts } from './schedule-outcome.ts'
import { jobScheduleSchema } from './schema.ts'

/**
 * A new job for a customer (from the customer's page or the calendar). With a technician, the
 * conflicts come back first unless `confirmed`; the address comes from the property (the main one
 * when none is picked) unless one is typed.
 */
export const scheduleJobAction = staffAction(
  {
    name: 'jobs.schedule',
    schema: jobScheduleSchema,
    role: 'jobs.schedule',
    errors: {
      foreignKeys: {
        ...customerKey,
        ...technicianKey,
        property_id: { field: 'propertyId', message: 'Unknown property for this customer.' },
      },
    },
  },
  async ({ input, ctx: { supabase, staff }, revalidate }) => {
    // RLS hides other organizations' customers, so this also rejects foreign ids; an outage is
    // not "unknown customer" and goes to the kit's error mapping.
    const customer = await nullIfNotFound(getCustomer(supabase, input.customerId))
    if (!customer) return unknownCustomer()
    const conflicts = await unconfirmedConflicts(supabase, input)
    if (conflicts.length > 0) return ok<ScheduleOutcome>({ status: 'conflicts', conflicts })
    const job = await createJob(supabase, {
      organization_id: staff.organization_id,
      customer_id: input.customerId,
      service_id: input.serviceId,
      property_id: input.propertyId,
      technician_id: input.technicianId,
      title: input.title,
      status: 'scheduled',
      scheduled_start: input.scheduledStart,
      scheduled_end: input.scheduledEnd,
      price_cents: input.priceCents,
      // Null lets the database take the property's address (or the customer's).
      address: input.address,
      notes: input.notes,
    })
    revalidate('/jobs', `/customers/${job.customer_id}`)
    return ok<ScheduleOutcome>({ status: 'saved', job })
  },
)
