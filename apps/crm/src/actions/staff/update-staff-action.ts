'use server'

import { getStaffMember, updateStaffMember } from '@repo/database/repositories'
import type { StaffMemberRow } from '@repo/database/types'
import { revalidatePath } from 'next/cache'
import type { z } from 'zod'
import { type ActionResult, fail, ok } from '@/lib/action-result.ts'
import { runStaffAction } from '@/lib/staff-action.ts'
import { staffUpdateSchema } from './schema.ts'

/** Owners change a colleague's role or deactivate them; nobody can demote or lock out themselves. */
export async function updateStaffAction(input: z.input<typeof staffUpdateSchema>): Promise<ActionResult<StaffMemberRow>> {
  return runStaffAction('staff.update', 'staff.manage', staffUpdateSchema, input, async ({ supabase, staff }, data) => {
    if (data.staffId === staff.id && (data.role !== staff.role || !data.active)) {
      return fail('You cannot change your own role or deactivate yourself.', { role: ['Ask another owner'] })
    }
    const target = await getStaffMember(supabase, data.staffId).catch(() => null)
    if (!target || target.organization_id !== staff.organization_id) return fail('Unknown staff member.')
    const updated = await updateStaffMember(supabase, target.id, { role: data.role, active: data.active })
    revalidatePath('/staff')
    return ok(updated)
  })
}
