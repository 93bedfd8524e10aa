'use server'

import { ok } from '@repo/actions/result'
import { deleteInvoiceLine } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { removeCreditSchema } from './schema.ts'

/** Takes a reward credit off a draft invoice; the credit waits for the customer's next invoice. */
export const removeCreditAction = staffAction(
  {
    name: 'invoices.remove-credit',
    schema: removeCreditSchema,
    role: 'invoices.manage',
    revalidate: ['/invoices'],
  },
  async ({ input, ctx: { supabase } }) => {
    await deleteInvoiceLine(supabase, input.lineId)
    return ok(null)
  },
)
