import Stripe from 'stripe'
import { WebhookSignatureError } from './errors.ts'
import type { PaymentWebhookEvent } from './types.ts'

/**
 * The one mapping from Stripe's webhook events to ours, for both providers: the local stack's
 * payments service sends the same Stripe-shaped events, signed the same way.
 */
export function toPaymentWebhookEvent(event: Stripe.Event): PaymentWebhookEvent {
  if (event.type === 'checkout.session.completed') {
    const session = event.data.object
    const paymentId = session.metadata?.payment_id ?? session.client_reference_id
    const intent = session.payment_intent
    const providerReference = typeof intent === 'string' ? intent : (intent?.id ?? null)
    // Unpaid completions (delayed payment methods) settle later; sessions not ours carry no id.
    if (
      session.payment_status === 'paid' &&
      paymentId &&
      providerReference &&
      session.amount_total !== null
    ) {
      return {
        eventId: event.id,
        kind: 'succeeded',
        paymentId,
        providerReference,
        amountCents: session.amount_total,
        currency: (session.currency ?? '').toUpperCase(),
      }
    }
  }
  if (event.type === 'payment_intent.payment_failed') {
    const intent = event.data.object
    const paymentId = intent.metadata?.payment_id
    if (paymentId) {
      return {
        eventId: event.id,
        kind: 'failed',
        paymentId,
        providerReference: intent.id,
        failureMessage: intent.last_payment_error?.message || 'The payment failed.',
      }
    }
  }
  return { eventId: event.id, kind: 'ignored', type: event.type }
}

/**
 * `stripe.webhooks.constructEvent` (HMAC-SHA256 over `<t>.<body>`, timestamp within 300 s), then
 * the mapping. Pass the raw body exactly as received: parsing and re-serialising breaks it.
 */
export function parseStripeWebhook(
  rawBody: string,
  signatureHeader: string | null,
  webhookSecret: string,
): PaymentWebhookEvent {
  if (!signatureHeader) throw new WebhookSignatureError('The Stripe-Signature header is missing.')
  let event: Stripe.Event
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signatureHeader, webhookSecret)
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      throw new WebhookSignatureError(error.message, { cause: error })
    }
    throw error
  }
  return toPaymentWebhookEvent(event)
}
