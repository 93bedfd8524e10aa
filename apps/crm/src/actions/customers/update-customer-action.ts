'use server'

import { type GuardedUpdate, updateCustomer, updateCustomerIfUnchanged } from '@repo/database/repositories'
import type { CustomerRow } from '@repo/database/types'
import { revalidatePath } from 'next/cache'
import { type ActionResult, ok } from '@/lib/action-result.ts'
import { runStaffAction } from '@/lib/staff-action.ts'
import { type CustomerUpdateInput, customerUpdateSchema } from './schema.ts'

/**
 * Saves a customer's record. Unless `force`, it only writes when nobody saved the record since the
 * editor loaded it; otherwise it returns the newer row so the editor can warn instead of overwriting.
 */
export async function updateCustomerAction(input: CustomerUpdateInput): Promise<ActionResult<GuardedUpdate<CustomerRow>>> {
  return runStaffAction('customers.update', 'customers.edit', customerUpdateSchema, input, async ({ supabase }, data) => {
    const { id, expectedUpdatedAt, force, ...patch } = data
    const result = force
      ? { status: 'updated' as const, row: await updateCustomer(supabase, id, patch) }
      : await updateCustomerIfUnchanged(supabase, id, expectedUpdatedAt, patch)
    if (result.status === 'updated') {
      revalidatePath('/customers')
      revalidatePath(`/customers/${id}`)
    }
    return ok(result)
  })
}
