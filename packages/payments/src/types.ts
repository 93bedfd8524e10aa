/** What to charge: one line, the whole amount (tip included), for one row of our `payments` table. */
export interface CheckoutRequest {
  /** Our payments row id (uuid); also the idempotency key of the checkout. */
  paymentId: string
  /** Integer > 0 in the currency's smallest unit, tip included. */
  amountCents: number
  /** ISO 4217, e.g. 'USD'. */
  currency: string
  /** What the customer sees, e.g. "Invoice INV-1004 — Dirt Free Carpet". */
  description: string
  customerEmail?: string | null
  /** Stripe fills in a literal `{CHECKOUT_SESSION_ID}` (the local provider does too). */
  successUrl: string
  cancelUrl: string
}

/** A hosted checkout page to send the customer's browser to. */
export interface CheckoutSession {
  id: string
  url: string
}

/** A verified provider event, reduced to what the payments table needs. */
export type PaymentWebhookEvent =
  | {
      eventId: string
      kind: 'succeeded'
      paymentId: string
      /** The payment intent id: what a refund names. */
      providerReference: string
      amountCents: number
      /** Upper-case ISO 4217. */
      currency: string
    }
  | {
      eventId: string
      kind: 'failed'
      paymentId: string
      providerReference: string | null
      /** The provider's message for the customer, e.g. "Your card was declined." */
      failureMessage: string
    }
  | { eventId: string; kind: 'ignored'; type: string }

export interface PaymentProvider {
  readonly name: 'stripe' | 'local'
  /** Throws PaymentProviderError when the provider refuses or cannot be reached. */
  createCheckout(request: CheckoutRequest): Promise<CheckoutSession>
  /** Idempotent per payment: a second call for the same payment returns the first refund. */
  refund(input: {
    paymentId: string
    providerReference: string
    amountCents: number
  }): Promise<{ id: string }>
  /** Verifies the signature (throws WebhookSignatureError when it does not hold) and normalizes the event. */
  parseWebhook(rawBody: string, signatureHeader: string | null): PaymentWebhookEvent
}
