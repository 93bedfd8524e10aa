/** The webhook's signature is missing, forged, for another body, or too old: answer 400. */
export class WebhookSignatureError extends Error {
  override readonly name = 'WebhookSignatureError'
}

/**
 * The provider refused the request or could not be reached. `message` is safe to show a customer
 * or staff member; the provider's own error is the `cause` (for logs).
 */
export class PaymentProviderError extends Error {
  override readonly name = 'PaymentProviderError'
  /** True when the same request may succeed later (network trouble, provider outage, rate limit). */
  readonly retryable: boolean

  constructor(message: string, options: { cause?: unknown; retryable?: boolean } = {}) {
    super(message, { cause: options.cause })
    this.retryable = options.retryable ?? false
  }
}

/** The user-safe messages both providers use. */
export const PROVIDER_MESSAGES = {
  unavailable: 'Online payment is unavailable right now. Please try again in a few minutes.',
  checkoutRefused:
    'We could not start the payment. Please try again later or contact the business.',
  refundRefused:
    'The refund could not be made. Check the payment in the payment provider’s dashboard.',
} as const
