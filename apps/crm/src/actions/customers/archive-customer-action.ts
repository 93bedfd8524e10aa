'use server'

import { ok } from '@repo/actions/result'
import { setCustomerArchived } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { customerArchiveSchema } from './schema.ts'

/** Archives a customer (history stays; no new jobs or quotes) or restores them. */
export const setCustomerArchivedAction = staffAction(
  { name: 'customers.archive', schema: customerArchiveSchema, role: 'customers.edit' },
  async ({ input, ctx: { supabase }, revalidate }) => {
    const customer = await setCustomerArchived(supabase, input.customerId, input.archived)
    revalidate('/customers', `/customers/${customer.id}`)
    return ok(customer)
  },
)
