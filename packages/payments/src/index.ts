/**
 * Payments behind one interface: Stripe Checkout, or the local stack's test checkout that goes
 * through the same webhook code path. Server-only (it holds secret keys): import it from route
 * handlers, server actions and tests, never from client components.
 */
export { PaymentProviderError, WebhookSignatureError } from './errors.ts'
export { paymentProviderFromEnv } from './from-env.ts'
export {
  LOCAL_PAYMENTS_WEBHOOK_SECRET_DEFAULT,
  LocalPaymentProvider,
  type LocalPaymentProviderOptions,
} from './local-provider.ts'
export { StripePaymentProvider, type StripePaymentProviderOptions } from './stripe-provider.ts'
export type {
  CheckoutRequest,
  CheckoutSession,
  PaymentProvider,
  PaymentWebhookEvent,
} from './types.ts'
