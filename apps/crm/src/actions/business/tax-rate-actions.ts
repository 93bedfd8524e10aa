'use server'

import { ok } from '@repo/actions/result'
import { createTaxRate, updateTaxRate } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { newTaxRateSchema, taxRateChangeSchema } from './schema.ts'

/** The rates the business charges (owners and admins); new lines are taxed at the default one. */
export const createTaxRateAction = staffAction(
  {
    name: 'settings.tax_rate.create',
    schema: newTaxRateSchema,
    role: 'settings.manage',
    revalidate: ['/settings'],
    errors: { unique: { field: 'name', message: 'There is already a tax rate with this name.' } },
  },
  async ({ input, ctx: { supabase, organization } }) =>
    ok(await createTaxRate(supabase, { organizationId: organization.id, ...input })),
)

/** Makes a rate the default (the database takes the flag from the previous one), or withdraws / offers it again. */
export const changeTaxRateAction = staffAction(
  { name: 'settings.tax_rate.change', schema: taxRateChangeSchema, role: 'settings.manage', revalidate: ['/settings'] },
  async ({ input, ctx: { supabase } }) => {
    const patch =
      input.change === 'make_default'
        ? { isDefault: true, active: true }
        : { active: input.change === 'offer' }
    return ok(await updateTaxRate(supabase, input.taxRateId, patch))
  },
)
