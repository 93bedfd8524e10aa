'use server'

import { getInvoice, recordPayment } from '@repo/database/repositories'
import type { PaymentMethod } from '@repo/database/types'
import { ok } from '@repo/actions/result'
import { staffAction } from '@/lib/staff-action.ts'
import { recordPaymentSchema } from './schema.ts'

/** Cash, a check, a bank transfer or a card terminal: the database checks the balance. */
export const recordPaymentAction = staffAction(
  {
    name: 'payments.record',
    schema: recordPaymentSchema,
    role: 'invoices.manage',
    revalidate: ['/invoices'],
    errors: { fallback: 'The payment could not be recorded; nothing was saved.' },
  },
  async ({ input, ctx: { supabase }, revalidate }) => {
    const payment = await recordPayment(supabase, {
      invoiceId: input.invoiceId,
      amountCents: input.amountCents,
      method: input.method as PaymentMethod,
      receivedAt: new Date(input.receivedAt),
      note: input.note,
    })
    const invoice = await getInvoice(supabase, input.invoiceId)
    revalidate(`/invoices/${invoice.id}`)
    revalidate(`/customers/${invoice.customer_id}`)
    return ok({ payment, balanceCents: invoice.balance_cents, status: invoice.status })
  },
)
