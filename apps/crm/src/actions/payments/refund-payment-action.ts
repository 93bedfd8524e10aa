'use server'

import { fail, ok } from '@repo/actions/result'
import { getPayment, refundPayment } from '@repo/database/repositories'
import { PaymentProviderError, paymentProviderFromEnv } from '@repo/payments'
import { staffAction } from '@/lib/staff-action.ts'
import { refundPaymentSchema } from './schema.ts'

/**
 * Gives a payment back in full. A card payment taken online is refunded at the provider first
 * (idempotent per payment, so a retry after a failure here never refunds twice), then recorded.
 */
export const refundPaymentAction = staffAction(
  {
    name: 'payments.refund',
    schema: refundPaymentSchema,
    role: 'invoices.manage',
    revalidate: ['/invoices'],
    errors: { fallback: 'The refund could not be recorded; nothing was changed.' },
  },
  async ({ input, ctx: { supabase }, revalidate }) => {
    const payment = await getPayment(supabase, input.paymentId)
    if (payment.status === 'refunded') return fail('This payment was already refunded.')
    if (payment.status !== 'succeeded') return fail('Only a received payment can be refunded.')
    let providerRefund: string | undefined
    if (payment.provider && payment.provider_reference) {
      try {
        const provider = paymentProviderFromEnv()
        providerRefund = (
          await provider.refund({
            paymentId: payment.id,
            providerReference: payment.provider_reference,
            amountCents: payment.amount_cents + payment.tip_cents,
          })
        ).id
      } catch (error) {
        if (error instanceof PaymentProviderError) return fail(`${error.message} Nothing was refunded.`)
        throw error
      }
    }
    const refunded = await refundPayment(supabase, payment.id, input.reason, providerRefund)
    if (refunded.invoice_id) revalidate(`/invoices/${refunded.invoice_id}`)
    revalidate(`/customers/${refunded.customer_id}`)
    return ok(refunded)
  },
)
