'use server'

import { fail, ok } from '@repo/actions/result'
import { getInvoice, updateInvoice } from '@repo/database/repositories'
import type { RowUpdate } from '@repo/database/types'
import { canApplyInvoiceAction, invoiceActionTarget } from '@repo/domain/invoices'
import { staffAction } from '@/lib/staff-action.ts'
import { invoiceActionSchema } from './schema.ts'

const verbs = { send: 'sent', void: 'voided' } as const

export const invoiceStatusAction = staffAction(
  {
    name: 'invoices.status',
    schema: invoiceActionSchema,
    role: 'invoices.manage',
    revalidate: ['/invoices'],
  },
  async ({ input, ctx: { supabase }, revalidate }) => {
    const invoice = await getInvoice(supabase, input.invoiceId)
    if (input.action === 'void' && invoice.amount_paid_cents !== 0) {
      return fail('This invoice has payments; refund them before voiding it.')
    }
    if (!canApplyInvoiceAction(invoice.status, input.action)) {
      return fail(`A ${invoice.status} invoice cannot be ${verbs[input.action]}.`)
    }
    const now = new Date()
    const patch: RowUpdate<'invoices'> = { status: invoiceActionTarget(input.action) }
    if (input.action === 'send') {
      if (invoice.invoice_line_items.length === 0) return fail('Add at least one line item before sending.')
      if (invoice.due_at && Date.parse(invoice.due_at) < now.getTime()) {
        return fail('The due date is in the past; create the invoice with a later due date.')
      }
      patch.issued_at = now.toISOString()
    }
    const updated = await updateInvoice(supabase, invoice.id, patch)
    revalidate(`/customers/${invoice.customer_id}`)
    revalidate(`/invoices/${invoice.id}`)
    return ok(updated)
  },
)
