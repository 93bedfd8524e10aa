'use server'

import { getInvoice, recordPayment } from '@repo/database/repositories'
import type { PaymentMethod } from '@repo/database/types'
import { fail, ok } from '@repo/actions/result'
import { formatCents } from '@repo/domain/money'
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
  async ({ input, ctx: { supabase, organization }, revalidate }) => {
    // The database decides (under a lock); this only puts the usual mistake on its field.
    const before = await getInvoice(supabase, input.invoiceId)
    if (input.amountCents > before.balance_cents && before.balance_cents > 0) {
      const message = `The amount is more than the balance due (${formatCents(before.balance_cents, organization.currency)})`
      return fail(message, { amountCents: [message] })
    }
    const payment = await recordPayment(supabase, {
      invoiceId: input.invoiceId,
      amountCents: input.amountCents,
      method: input.method as PaymentMethod,
      receivedAt: new Date(input.receivedAt),
      note: input.note,
    })
    revalidate(`/invoices/${before.id}`)
    revalidate(`/customers/${before.customer_id}`)
    // What is left, for the toast: the database took this amount off the balance it locked.
    return ok({ payment, balanceCents: before.balance_cents - payment.amount_cents })
  },
)
