import 'server-only'
import { can, forbiddenMessage, type Permission } from '@repo/domain/staff'
import type { z } from 'zod'
import { type ActionResult, fail, parseInput } from './action-result.ts'
import { createLogger, errorFields } from './logger.ts'
import { type DescribeOptions, describeRepositoryError } from './repository-errors.ts'
import { findStaffContext, type StaffContext } from './staff-context.ts'

const log = createLogger('action')

/**
 * The one path every staff Server Action takes: validate, check the session and role, run, and turn
 * any failure into a clear message. RLS still guards the database underneath.
 */
export async function runStaffAction<S extends z.ZodType, T>(
  name: string,
  permission: Permission | null,
  schema: S,
  input: unknown,
  run: (context: StaffContext, data: z.output<S>) => Promise<ActionResult<T>>,
  errors: DescribeOptions = {},
): Promise<ActionResult<T>> {
  const parsed = parseInput(schema, input)
  if (!parsed.ok) return parsed
  const context = await findStaffContext()
  if (context === 'signed-out') return fail('Your session has ended. Sign in again.')
  if (context === 'not-staff') return fail('This account has no staff access.')
  if (permission && !can(context.staff.role, permission)) {
    log.warn('forbidden', { action: name, staffId: context.staff.id, role: context.staff.role })
    return fail(forbiddenMessage)
  }
  try {
    return await run(context, parsed.data)
  } catch (error) {
    const described = describeRepositoryError(error, errors)
    // Refusals the user can fix (duplicates, bad links, permissions) are warnings; the rest are errors.
    const known = typeof (error as { code?: unknown })?.code === 'string' && !described.error.startsWith('Something went wrong')
    log[known ? 'warn' : 'error']('action failed', { action: name, staffId: context.staff.id, ...errorFields(error) })
    return fail(described.error, described.fieldErrors)
  }
}
