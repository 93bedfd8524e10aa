'use server'

import { addCustomerNote } from '@repo/database/repositories'
import type { CustomerNoteRow } from '@repo/database/types'
import { revalidatePath } from 'next/cache'
import { type ActionResult, ok } from '@/lib/action-result.ts'
import { runStaffAction } from '@/lib/staff-action.ts'
import { customerNoteSchema } from './schema.ts'

export async function addCustomerNoteAction(input: { customerId: string; body: string }): Promise<ActionResult<CustomerNoteRow>> {
  return runStaffAction(
    'customers.note',
    'customers.notes',
    customerNoteSchema,
    input,
    async ({ supabase, staff }, data) => {
      const note = await addCustomerNote(supabase, {
        organization_id: staff.organization_id,
        customer_id: data.customerId,
        author_staff_id: staff.id,
        body: data.body,
      })
      revalidatePath(`/customers/${data.customerId}`)
      return ok(note)
    },
    { foreignKeyField: 'customerId' },
  )
}
