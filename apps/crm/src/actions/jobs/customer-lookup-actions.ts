'use server'

import { ok } from '@repo/actions/result'
import { listCustomerProperties, listCustomers } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { customerIdSchema, customerSearchSchema } from './schema.ts'

/** A customer as the New job dialog's picker lists it. */
export interface CustomerChoice {
  id: string
  name: string
  detail: string
}

/** Customers matching a search (name, e-mail, city or phone), for the New job dialog; archived ones are left out. */
export const searchCustomersAction = staffAction(
  { name: 'jobs.customer-search', schema: customerSearchSchema, role: 'jobs.schedule' },
  async ({ input, ctx: { supabase, staff } }) => {
    if (input.search.length < 2) return ok<CustomerChoice[]>([])
    const rows = await listCustomers(supabase, {
      organizationId: staff.organization_id,
      search: input.search,
      limit: 8,
    })
    return ok<CustomerChoice[]>(
      rows
        .filter((c) => c.archived_at === null)
        .map((c) => ({
          id: c.id,
          name: `${c.first_name} ${c.last_name}`,
          detail: [c.email, c.phone, c.city].filter(Boolean).join(' · '),
        })),
    )
  },
)

/** A customer's service addresses that can take new work (not archived), main one first. */
export const listPropertiesAction = staffAction(
  { name: 'jobs.customer-properties', schema: customerIdSchema, role: 'jobs.schedule' },
  async ({ input, ctx: { supabase } }) => {
    const rows = await listCustomerProperties(supabase, input.customerId)
    return ok(rows.filter((p) => p.archived_at === null))
  },
)
