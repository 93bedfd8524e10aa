'use server'

import { ok } from '@repo/actions/result'
import { updateOrganization } from '@repo/database/repositories'
import { z } from 'zod'
import { staffAction } from '@/lib/staff-action.ts'

/** Owners and admins put the first-run checklist away for the whole team. */
export const hideChecklistAction = staffAction(
  { name: 'settings.hide-checklist', schema: z.object({}), role: 'settings.manage', revalidate: ['/customers'] },
  async ({ ctx: { supabase, organization } }) => {
    await updateOrganization(supabase, organization.id, { setup_completed_at: new Date().toISOString() })
    return ok(null)
  },
)
