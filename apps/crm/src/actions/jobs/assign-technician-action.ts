'use server'

import { getStaffMember, updateJob } from '@repo/database/repositories'
import type { JobRow } from '@repo/database/types'
import { revalidatePath } from 'next/cache'
import type { z } from 'zod'
import { type ActionResult, fail, ok } from '@/lib/action-result.ts'
import { runStaffAction } from '@/lib/staff-action.ts'
import { jobAssignSchema } from './schema.ts'

export async function assignTechnicianAction(input: z.input<typeof jobAssignSchema>): Promise<ActionResult<JobRow>> {
  return runStaffAction('jobs.assign', 'jobs.assign', jobAssignSchema, input, async ({ supabase, staff }, data) => {
    if (data.technicianId) {
      const tech = await getStaffMember(supabase, data.technicianId).catch(() => null)
      if (!tech || tech.organization_id !== staff.organization_id || !tech.active) {
        return fail('Unknown technician.', { technicianId: ['Choose an active staff member.'] })
      }
    }
    const job = await updateJob(supabase, data.jobId, { technician_id: data.technicianId })
    revalidatePath('/jobs')
    revalidatePath(`/customers/${job.customer_id}`)
    return ok(job)
  })
}
