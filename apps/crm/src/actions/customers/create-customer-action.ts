'use server'

import { ok } from '@repo/actions/result'
import { createCustomer } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { customerCreateSchema } from './schema.ts'

/** Adds a customer to the signed-in staff member's business; the page then opens their record. */
export const createCustomerAction = staffAction(
  { name: 'customers.create', schema: customerCreateSchema, role: 'customers.edit', revalidate: ['/customers'] },
  async ({ input, ctx: { supabase, organization } }) => {
    const customer = await createCustomer(supabase, { ...input, organization_id: organization.id })
    return ok(customer)
  },
)
