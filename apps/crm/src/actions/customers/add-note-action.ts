'use server'

import { ok } from '@repo/actions/result'
import { addCustomerNote } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { customerKey } from '../unknown-records.ts'
import { customerNoteSchema } from './schema.ts'

export const addCustomerNoteAction = staffAction(
  {
    name: 'customers.note',
    schema: customerNoteSchema,
    role: 'customers.notes',
    errors: { foreignKeys: customerKey },
  },
  async ({ input, ctx: { supabase, staff }, revalidate }) => {
    const note = await addCustomerNote(supabase, {
      organization_id: staff.organization_id,
      customer_id: input.customerId,
      author_staff_id: staff.id,
      body: input.body,
    })
    revalidate(`/customers/${input.customerId}`)
    return ok(note)
  },
)
