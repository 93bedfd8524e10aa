'use server'

import { createJob, getCustomer } from '@repo/database/repositories'
import type { JobRow } from '@repo/database/types'
import { revalidatePath } from 'next/cache'
import type { z } from 'zod'
import { type ActionResult, fail, ok } from '@/lib/action-result.ts'
import { runStaffAction } from '@/lib/staff-action.ts'
import { jobScheduleSchema } from './schema.ts'

export async function scheduleJobAction(input: z.input<typeof jobScheduleSchema>): Promise<ActionResult<JobRow>> {
  return runStaffAction(
    'jobs.schedule',
    'jobs.schedule',
    jobScheduleSchema,
    input,
    async ({ supabase, staff }, data) => {
      // RLS hides other organizations' customers, so this also rejects foreign ids.
      const customer = await getCustomer(supabase, data.customerId).catch(() => null)
      if (!customer) return fail('Unknown customer.', { customerId: ['This customer does not exist.'] })
      const job = await createJob(supabase, {
        organization_id: staff.organization_id,
        customer_id: data.customerId,
        service_id: data.serviceId,
        technician_id: data.technicianId,
        title: data.title,
        status: 'scheduled',
        scheduled_start: data.scheduledStart,
        scheduled_end: data.scheduledEnd,
        price_cents: data.priceCents,
        address: data.address ?? ([customer.address_line1, customer.city].filter(Boolean).join(', ') || null),
        notes: data.notes,
      })
      revalidatePath('/jobs')
      revalidatePath(`/customers/${data.customerId}`)
      return ok(job)
    },
    { foreignKeyField: 'technicianId' },
  )
}
