'use server'

import { ok } from '@repo/actions/result'
import { findDuplicateCustomers } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { toDuplicateMatch } from './duplicate-match.ts'
import { duplicateLookupSchema } from './schema.ts'

/** Customers with the e-mail or phone being typed into the new-customer form (as it is typed). */
export const findDuplicatesAction = staffAction(
  { name: 'customers.duplicates', schema: duplicateLookupSchema, role: 'customers.edit' },
  async ({ input, ctx: { supabase, organization } }) =>
    ok((await findDuplicateCustomers(supabase, organization.id, input)).map(toDuplicateMatch)),
)
