import { localId } from './ids.ts'
import type { CheckoutSession } from './sessions.ts'
import type { Decline } from './test-cards.ts'

/** A Stripe event (`object: 'event'`) with the fields handlers read; `data.object` as Stripe sends it. */
export interface StripeShapedEvent {
  id: string
  object: 'event'
  api_version: null
  created: number
  livemode: false
  pending_webhooks: 1
  request: { id: null; idempotency_key: null }
  type: 'checkout.session.completed' | 'payment_intent.payment_failed'
  data: { object: Record<string, unknown> }
}

const now = () => Math.floor(Date.now() / 1000)

function event(
  type: StripeShapedEvent['type'],
  object: Record<string, unknown>,
): StripeShapedEvent {
  return {
    id: localId('evt'),
    object: 'event',
    api_version: null,
    created: now(),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  }
}

/** The session paid: what Stripe sends when Checkout completes with `payment_status: 'paid'`. */
export function checkoutSessionCompleted(session: CheckoutSession): StripeShapedEvent {
  return event('checkout.session.completed', {
    id: session.id,
    object: 'checkout.session',
    mode: 'payment',
    amount_subtotal: session.amountCents,
    amount_total: session.amountCents,
    currency: session.currency.toLowerCase(),
    payment_status: 'paid',
    status: 'complete',
    client_reference_id: session.paymentId,
    customer_email: session.customerEmail,
    metadata: { payment_id: session.paymentId },
    payment_intent: session.paymentIntentId,
    success_url: session.successUrl,
    cancel_url: session.cancelUrl,
    created: session.created,
    livemode: false,
  })
}

/** A declined attempt: the payment intent, still awaiting a payment method, with the error. */
export function paymentIntentPaymentFailed(
  session: CheckoutSession,
  decline: Decline,
): StripeShapedEvent {
  return event('payment_intent.payment_failed', {
    id: session.paymentIntentId,
    object: 'payment_intent',
    amount: session.amountCents,
    currency: session.currency.toLowerCase(),
    status: 'requires_payment_method',
    metadata: { payment_id: session.paymentId },
    last_payment_error: {
      type: 'card_error',
      code: decline.code,
      decline_code: decline.declineCode,
      message: decline.message,
    },
    created: session.created,
    livemode: false,
  })
}
