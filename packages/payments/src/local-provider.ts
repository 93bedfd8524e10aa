import { assertCheckoutRequest } from './checkout-request.ts'
import { PaymentProviderError, PROVIDER_MESSAGES } from './errors.ts'
import { parseStripeWebhook } from './stripe-events.ts'
import type {
  CheckoutRequest,
  CheckoutSession,
  PaymentProvider,
  PaymentWebhookEvent,
} from './types.ts'

/**
 * The local stack's well-known webhook secret. The same constant is
 * `PAYMENTS_WEBHOOK_SECRET_DEFAULT` in `@repo/local-supabase` (src/config.ts), which this package
 * must not depend on at run time; test/local-secret.test.ts checks that the two are equal.
 */
export const LOCAL_PAYMENTS_WEBHOOK_SECRET_DEFAULT =
  'whsec_local_payments_well_known_test_secret_0000'

export interface LocalPaymentProviderOptions {
  /** The local stack's payments API, e.g. `http://127.0.0.1:54321/payments/v1`. */
  apiUrl: string
  /** The stack's service-role key: only the server may create checkouts and refunds. */
  serviceRoleKey: string
  /** The secret the stack signs its webhook events with. */
  webhookSecret: string
}

const REQUEST_TIMEOUT_MS = 10_000

/**
 * The local stack's test checkout (`/payments/v1` of `@repo/local-supabase`): it serves a card
 * form with Stripe's test cards and reports the outcome as Stripe-shaped, Stripe-signed webhook
 * events, so the webhook route runs the same code as with Stripe.
 */
export class LocalPaymentProvider implements PaymentProvider {
  readonly name = 'local' as const
  readonly #apiUrl: string
  readonly #serviceRoleKey: string
  readonly #webhookSecret: string

  constructor(options: LocalPaymentProviderOptions) {
    this.#apiUrl = options.apiUrl.replace(/\/+$/, '')
    this.#serviceRoleKey = options.serviceRoleKey
    this.#webhookSecret = options.webhookSecret
  }

  async #post(path: string, body: unknown, refused: string): Promise<Record<string, unknown>> {
    let response: Response
    try {
      response = await fetch(`${this.#apiUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.#serviceRoleKey}`,
          apikey: this.#serviceRoleKey,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })
    } catch (error) {
      throw new PaymentProviderError(PROVIDER_MESSAGES.unavailable, {
        cause: error,
        retryable: true,
      })
    }
    const text = await response.text()
    let json: Record<string, unknown> | null = null
    try {
      json = JSON.parse(text) as Record<string, unknown>
    } catch {
      // Not JSON: a proxy's error page, or a stack without the payments service.
    }
    if (!response.ok || !json) {
      const error = json?.error as { message?: unknown } | undefined
      const detail = typeof error?.message === 'string' ? error.message : text.slice(0, 200)
      const cause = new Error(`local payments ${path} answered ${response.status}: ${detail}`)
      const retryable = response.status >= 500
      throw new PaymentProviderError(retryable ? PROVIDER_MESSAGES.unavailable : refused, {
        cause,
        retryable,
      })
    }
    return json
  }

  async createCheckout(request: CheckoutRequest): Promise<CheckoutSession> {
    assertCheckoutRequest(request)
    const session = await this.#post(
      '/checkout/sessions',
      {
        payment_id: request.paymentId,
        amount_cents: request.amountCents,
        currency: request.currency,
        description: request.description,
        customer_email: request.customerEmail ?? null,
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
      },
      PROVIDER_MESSAGES.checkoutRefused,
    )
    if (typeof session.id !== 'string' || typeof session.url !== 'string') {
      throw new PaymentProviderError(PROVIDER_MESSAGES.checkoutRefused, {
        cause: new Error('local payments answered a checkout without id and url'),
      })
    }
    return { id: session.id, url: session.url }
  }

  async refund(input: {
    paymentId: string
    providerReference: string
    amountCents: number
  }): Promise<{ id: string }> {
    const refund = await this.#post(
      '/refunds',
      {
        payment_intent: input.providerReference,
        amount_cents: input.amountCents,
        payment_id: input.paymentId,
      },
      PROVIDER_MESSAGES.refundRefused,
    )
    if (typeof refund.id !== 'string') {
      throw new PaymentProviderError(PROVIDER_MESSAGES.refundRefused, {
        cause: new Error('local payments answered a refund without an id'),
      })
    }
    return { id: refund.id }
  }

  parseWebhook(rawBody: string, signatureHeader: string | null): PaymentWebhookEvent {
    return parseStripeWebhook(rawBody, signatureHeader, this.#webhookSecret)
  }
}
