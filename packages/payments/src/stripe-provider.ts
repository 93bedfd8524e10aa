import Stripe from 'stripe'
import { assertCheckoutRequest } from './checkout-request.ts'
import { PaymentProviderError, PROVIDER_MESSAGES } from './errors.ts'
import { parseStripeWebhook } from './stripe-events.ts'
import type {
  CheckoutRequest,
  CheckoutSession,
  PaymentProvider,
  PaymentWebhookEvent,
} from './types.ts'

export interface StripePaymentProviderOptions {
  /** `sk_live_…` / `sk_test_…` (or a restricted `rk_…` key that may create sessions and refunds). */
  secretKey: string
  /** The webhook endpoint's signing secret, `whsec_…`. */
  webhookSecret: string
  /** Passed to the SDK; tests point `host`/`port`/`protocol` at a local stand-in for the API. */
  stripeConfig?: ConstructorParameters<typeof Stripe>[1]
}

/** Stripe's errors, reduced to a message a customer or staff member may read. */
function providerError(error: unknown, refused: string): PaymentProviderError {
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError
  ) {
    return new PaymentProviderError(PROVIDER_MESSAGES.unavailable, {
      cause: error,
      retryable: true,
    })
  }
  if (error instanceof Stripe.errors.StripeError)
    return new PaymentProviderError(refused, { cause: error })
  return new PaymentProviderError(PROVIDER_MESSAGES.unavailable, { cause: error })
}

/** Stripe Checkout (hosted page) and refunds, with our payment id as every idempotency key. */
export class StripePaymentProvider implements PaymentProvider {
  readonly name = 'stripe' as const
  readonly #stripe: Stripe
  readonly #webhookSecret: string

  constructor(options: StripePaymentProviderOptions) {
    this.#stripe = new Stripe(options.secretKey, { maxNetworkRetries: 2, ...options.stripeConfig })
    this.#webhookSecret = options.webhookSecret
  }

  async createCheckout(request: CheckoutRequest): Promise<CheckoutSession> {
    assertCheckoutRequest(request)
    let session: Stripe.Checkout.Session
    try {
      session = await this.#stripe.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: request.currency.toLowerCase(),
                unit_amount: request.amountCents,
                product_data: { name: request.description },
              },
            },
          ],
          client_reference_id: request.paymentId,
          metadata: { payment_id: request.paymentId },
          payment_intent_data: { metadata: { payment_id: request.paymentId } },
          customer_email: request.customerEmail ?? undefined,
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
        },
        { idempotencyKey: `checkout:${request.paymentId}` },
      )
    } catch (error) {
      throw providerError(error, PROVIDER_MESSAGES.checkoutRefused)
    }
    if (!session.url) {
      throw new PaymentProviderError(PROVIDER_MESSAGES.checkoutRefused, {
        cause: new Error(`Stripe returned checkout session ${session.id} without a URL`),
      })
    }
    return { id: session.id, url: session.url }
  }

  async refund(input: {
    paymentId: string
    providerReference: string
    amountCents: number
  }): Promise<{ id: string }> {
    try {
      const refund = await this.#stripe.refunds.create(
        { payment_intent: input.providerReference, amount: input.amountCents },
        { idempotencyKey: `refund:${input.paymentId}` },
      )
      return { id: refund.id }
    } catch (error) {
      throw providerError(error, PROVIDER_MESSAGES.refundRefused)
    }
  }

  parseWebhook(rawBody: string, signatureHeader: string | null): PaymentWebhookEvent {
    return parseStripeWebhook(rawBody, signatureHeader, this.#webhookSecret)
  }
}
