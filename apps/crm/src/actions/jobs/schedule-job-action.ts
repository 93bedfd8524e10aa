'use server'

import { ok } from '@repo/actions/result'
import { nullIfNotFound } from '@repo/actions/errors'
import { createJob, getCustomer } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { customerKey, technicianKey, unknownCustomer } from '../unknown-records.ts'
import { jobScheduleSchema } from './schema.ts'

export const scheduleJobAction = staffAction(
  {
    name: 'jobs.schedule',
    schema: jobScheduleSchema,
    role: 'jobs.schedule',
    errors: {
      foreignKeys: { ...customerKey, ...technicianKey },
    },
  },
  async ({ input, ctx: { supabase, staff }, revalidate }) => {
    // RLS hides other organizations' customers, so this also rejects foreign ids; an outage is
    // not "unknown customer" and goes to the kit's error mapping.
    const customer = await nullIfNotFound(getCustomer(supabase, input.customerId))
    if (!customer) return unknownCustomer()
    const job = await createJob(supabase, {
      organization_id: staff.organization_id,
      customer_id: input.customerId,
      service_id: input.serviceId,
      technician_id: input.technicianId,
      title: input.title,
      status: 'scheduled',
      scheduled_start: input.scheduledStart,
      scheduled_end: input.scheduledEnd,
      price_cents: input.priceCents,
      address: input.address ?? ([customer.address_line1, customer.city].filter(Boolean).join(', ') || null),
      notes: input.notes,
    })
    revalidate('/jobs', `/customers/${job.customer_id}`)
    return ok(job)
  },
)
