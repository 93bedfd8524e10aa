'use server'

import { nullIfNotFound } from '@repo/actions/errors'
import { fail, ok } from '@repo/actions/result'
import { createInvoice, getCustomer, getJob } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { refuseWrongProperty } from '../properties/property-check.ts'
import { customerKey, unknownCustomer } from '../unknown-records.ts'
import { invoiceCreateSchema } from './schema.ts'

export const createInvoiceAction = staffAction(
  {
    name: 'invoices.create',
    schema: invoiceCreateSchema,
    role: 'invoices.manage',
    errors: {
      unique: { field: 'number', message: 'This invoice number is already used.' },
      foreignKeys: {
        ...customerKey,
        job_id: { field: 'jobId', message: 'Choose one of this customer’s jobs.' },
      },
      // A line's service is checked against the business's catalog by the database.
      codes: { P0002: 'A service on one of the lines is no longer in the catalog.' },
    },
    revalidate: ['/invoices'],
  },
  async ({ input, ctx: { supabase, staff }, revalidate }) => {
    const customer = await nullIfNotFound(getCustomer(supabase, input.customerId))
    if (!customer) return unknownCustomer()
    if (input.jobId) {
      const job = await nullIfNotFound(getJob(supabase, input.jobId))
      if (!job || job.customer_id !== customer.id) {
        return fail('That job does not belong to this customer.', { jobId: ['Choose one of this customer’s jobs.'] })
      }
    }
    const wrongProperty = await refuseWrongProperty(supabase, customer.id, input.propertyId)
    if (wrongProperty) return wrongProperty
    const invoice = await createInvoice(
      supabase,
      {
        organization_id: staff.organization_id,
        customer_id: customer.id,
        job_id: input.jobId,
        ...(input.propertyId ? { property_id: input.propertyId } : {}),
        ...(input.number ? { number: input.number } : {}),
        status: 'draft',
        due_at: input.dueAt,
        notes: input.notes,
      },
      // Totals and tax are the database's: it computes them from these lines.
      input.lineItems.map((i) => ({
        service_id: i.serviceId,
        description: i.description,
        quantity: i.quantity,
        unit_price_cents: i.unitPriceCents,
        taxable: i.taxable,
        tax_rate_bps: i.taxable ? i.taxRateBps : 0,
      })),
    )
    revalidate(`/customers/${customer.id}`)
    return ok(invoice)
  },
)
