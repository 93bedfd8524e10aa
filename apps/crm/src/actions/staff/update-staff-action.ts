'use server'

import { nullIfNotFound } from '@repo/actions/errors'
import { fail, ok } from '@repo/actions/result'
import { getStaffMember, updateStaffMember } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { staffUpdateSchema } from './schema.ts'

/** Owners change a colleague's role or deactivate them; nobody can demote or lock out themselves. */
export const updateStaffAction = staffAction(
  { name: 'staff.update', schema: staffUpdateSchema, role: 'staff.manage', revalidate: ['/staff'] },
  async ({ input, ctx: { supabase, staff } }) => {
    if (input.staffId === staff.id && (input.role !== staff.role || !input.active)) {
      return fail('You cannot change your own role or deactivate yourself.', { role: ['Ask another owner'] })
    }
    const target = await nullIfNotFound(getStaffMember(supabase, input.staffId))
    if (!target || target.organization_id !== staff.organization_id) return fail('Unknown staff member.')
    return ok(await updateStaffMember(supabase, target.id, { role: input.role, active: input.active }))
  },
)
