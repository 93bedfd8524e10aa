import 'server-only'
import { createActionClient, refuse } from '@repo/actions/server'
import { createLogger } from '@repo/actions/logger'
import { can, forbiddenMessage, type Permission } from '@repo/domain/staff'
import { findStaffContext, type StaffContext } from './staff-context.ts'

/**
 * Every staff Server Action: `staffAction({ name, schema, role }, async ({ input, ctx }) => …)`.
 * The kit validates, resolves the signed-in staff member, checks the role, maps repository errors
 * to staff-facing messages and logs; RLS still guards the database underneath.
 */
export const staffAction = createActionClient<StaffContext, Permission>({
  context: async () => {
    const context = await findStaffContext()
    if (context === 'signed-out') return refuse('Your session has ended. Sign in again.')
    if (context === 'not-staff') return refuse('This account has no staff access.')
    return context
  },
  allows: (context, permission) => can(context.staff.role, permission),
  identify: (context) => ({ staffId: context.staff.id, role: context.staff.role }),
  logger: createLogger('action'),
  wording: { forbidden: forbiddenMessage },
})
