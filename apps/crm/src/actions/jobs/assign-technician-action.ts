'use server'

import { nullIfNotFound } from '@repo/actions/errors'
import { fail, ok } from '@repo/actions/result'
import { getStaffMember, updateJob } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { technicianKey } from '../unknown-records.ts'
import { jobAssignSchema } from './schema.ts'

export const assignTechnicianAction = staffAction(
  {
    name: 'jobs.assign',
    schema: jobAssignSchema,
    role: 'jobs.assign',
    errors: { foreignKeys: technicianKey },
  },
  async ({ input, ctx: { supabase, staff }, revalidate }) => {
    if (input.technicianId) {
      const tech = await nullIfNotFound(getStaffMember(supabase, input.technicianId))
      if (!tech || tech.organization_id !== staff.organization_id || !tech.active) {
        return fail('Unknown technician.', { technicianId: ['Choose an active staff member.'] })
      }
    }
    const job = await updateJob(supabase, input.jobId, { technician_id: input.technicianId })
    revalidate('/jobs', `/customers/${job.customer_id}`)
    return ok(job)
  },
)
