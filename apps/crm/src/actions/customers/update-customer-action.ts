'use server'

import { ok } from '@repo/actions/result'
import { updateCustomer, updateCustomerIfUnchanged } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { customerUpdateSchema } from './schema.ts'

/**
 * Saves a customer's record. Unless `force`, it only writes when nobody saved the record since the
 * editor loaded it; otherwise it returns the newer row so the editor can warn instead of overwriting.
 */
export const updateCustomerAction = staffAction(
  {
    name: 'customers.update',
    schema: customerUpdateSchema,
    role: 'customers.edit',
  },
  async ({ input, ctx: { supabase }, revalidate }) => {
    const { id, expectedUpdatedAt, force, tags, source, ...contact } = input
    // Tags and source are written only when the editor sent them.
    const patch = {
      ...contact,
      ...(tags ? { tags } : {}),
      ...(source !== undefined ? { source } : {}),
    }
    const result = force
      ? { status: 'updated' as const, row: await updateCustomer(supabase, id, patch) }
      : await updateCustomerIfUnchanged(supabase, id, expectedUpdatedAt, patch)
    if (result.status === 'updated') revalidate('/customers', `/customers/${id}`)
    return ok(result)
  },
)
