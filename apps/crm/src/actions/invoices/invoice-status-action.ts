'use server'

import { getInvoice, updateInvoice } from '@repo/database/repositories'
import type { InvoiceRow, RowUpdate } from '@repo/database/types'
import { canApplyInvoiceAction, invoiceActionTarget } from '@repo/domain/invoices'
import { revalidatePath } from 'next/cache'
import type { z } from 'zod'
import { type ActionResult, fail, ok } from '@/lib/action-result.ts'
import { runStaffAction } from '@/lib/staff-action.ts'
import { invoiceActionSchema } from './schema.ts'

const verbs = { send: 'sent', mark_paid: 'marked paid', void: 'voided' } as const

export async function invoiceStatusAction(input: z.input<typeof invoiceActionSchema>): Promise<ActionResult<InvoiceRow>> {
  return runStaffAction('invoices.status', 'invoices.manage', invoiceActionSchema, input, async ({ supabase }, data) => {
    const invoice = await getInvoice(supabase, data.invoiceId)
    if (!canApplyInvoiceAction(invoice.status, data.action)) {
      return fail(`A ${invoice.status} invoice cannot be ${verbs[data.action]}.`)
    }
    const now = new Date()
    const patch: RowUpdate<'invoices'> = { status: invoiceActionTarget(data.action) }
    if (data.action === 'send') {
      if (invoice.invoice_line_items.length === 0) return fail('Add at least one line item before sending.')
      if (invoice.due_at && Date.parse(invoice.due_at) < now.getTime()) {
        return fail('The due date is in the past; create the invoice with a later due date.')
      }
      patch.issued_at = now.toISOString()
    }
    if (data.action === 'mark_paid') patch.paid_at = now.toISOString()
    const updated = await updateInvoice(supabase, invoice.id, patch)
    revalidatePath('/invoices')
    revalidatePath(`/customers/${invoice.customer_id}`)
    return ok(updated)
  })
}
