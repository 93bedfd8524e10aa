'use server'

import { fail, ok } from '@repo/actions/result'
import { getInvoice, getQuote } from '@repo/database/repositories'
import { PaymentProviderError } from '@repo/payments'
import { siteOrigin } from '@/actions/auth/site-origin'
import { customerAction } from '@/lib/customer-action'
import { beginCheckout } from '@/lib/online-payments'
import { startPaymentSchema } from './schema'

/** "Pay now": records the payment as pending and answers with the checkout page to open. */
export const startPaymentAction = customerAction(
  {
    name: 'payments.start',
    schema: startPaymentSchema,
    errors: { fallback: 'We could not start the payment. Nothing was charged.' },
  },
  async ({ input, ctx: session }) => {
    const origin = await siteOrigin()
    const business = session.organization.name
    try {
      if (input.invoiceId) {
        const invoice = await getInvoice(session.supabase, input.invoiceId)
        const url = await beginCheckout(
          session,
          {
            paymentId: input.paymentId,
            target: { invoiceId: invoice.id },
            amountCents: input.amountCents,
            tipCents: input.tipCents,
            description: `Invoice ${invoice.number} — ${business}`,
            returnPath: `/invoices/${invoice.id}`,
          },
          origin,
        )
        return ok({ url })
      }
      const quote = await getQuote(session.supabase, input.quoteId ?? '')
      const url = await beginCheckout(
        session,
        {
          paymentId: input.paymentId,
          target: { quoteId: quote.id },
          amountCents: input.amountCents,
          description: `Deposit for quote ${quote.number} — ${business}`,
          returnPath: `/quotes/${quote.id}`,
        },
        origin,
      )
      return ok({ url })
    } catch (error) {
      if (error instanceof PaymentProviderError) return fail(`${error.message} Nothing was charged.`)
      throw error
    }
  },
)
