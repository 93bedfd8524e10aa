'use server'

import { createInvoice, getCustomer, getJob, type InvoiceWithLineItems } from '@repo/database/repositories'
import { revalidatePath } from 'next/cache'
import { type ActionResult, fail, ok } from '@/lib/action-result.ts'
import { runStaffAction } from '@/lib/staff-action.ts'
import { type InvoiceCreateInput, invoiceCreateSchema } from './schema.ts'

export async function createInvoiceAction(input: InvoiceCreateInput): Promise<ActionResult<InvoiceWithLineItems>> {
  return runStaffAction(
    'invoices.create',
    'invoices.manage',
    invoiceCreateSchema,
    input,
    async ({ supabase, staff }, data) => {
      const customer = await getCustomer(supabase, data.customerId).catch(() => null)
      if (!customer) return fail('Unknown customer.', { customerId: ['This customer does not exist.'] })
      if (data.jobId) {
        const job = await getJob(supabase, data.jobId).catch(() => null)
        if (!job || job.customer_id !== customer.id) {
          return fail('That job does not belong to this customer.', { jobId: ['Choose one of this customer’s jobs.'] })
        }
      }
      const invoice = await createInvoice(
        supabase,
        {
          organization_id: staff.organization_id,
          customer_id: customer.id,
          job_id: data.jobId,
          number: data.number,
          status: 'draft',
          due_at: data.dueAt,
          tax_cents: data.taxCents,
          notes: data.notes,
        },
        data.lineItems.map((i) => ({ description: i.description, quantity: i.quantity, unit_price_cents: i.unitPriceCents })),
      )
      revalidatePath('/invoices')
      revalidatePath(`/customers/${customer.id}`)
      return ok(invoice)
    },
    { uniqueField: 'number', uniqueMessage: 'This invoice number is already used.', foreignKeyField: 'jobId' },
  )
}
