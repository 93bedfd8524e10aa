import Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import {
  LocalPaymentProvider,
  type PaymentProvider,
  StripePaymentProvider,
  WebhookSignatureError,
} from '../src/index.ts'

const SECRET = 'whsec_test_verification_secret'

const providers: PaymentProvider[] = [
  new StripePaymentProvider({ secretKey: 'sk_test_not_used', webhookSecret: SECRET }),
  // Never contacted: parseWebhook needs no network.
  new LocalPaymentProvider({
    apiUrl: 'http://127.0.0.1:9/payments/v1',
    serviceRoleKey: 'unused',
    webhookSecret: SECRET,
  }),
]

function event(type: string, object: Record<string, unknown>, id = 'evt_1') {
  return JSON.stringify({
    id,
    object: 'event',
    type,
    created: 1_700_000_000,
    livemode: false,
    data: { object },
  })
}

const sign = (payload: string, options: { secret?: string; timestamp?: number } = {}) =>
  Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? SECRET,
    timestamp: options.timestamp,
  })

const completed = (fields: Record<string, unknown> = {}) =>
  event('checkout.session.completed', {
    id: 'cs_test_1',
    object: 'checkout.session',
    amount_total: 12_345,
    currency: 'usd',
    payment_status: 'paid',
    status: 'complete',
    client_reference_id: 'payment-from-reference',
    metadata: { payment_id: 'payment-1' },
    payment_intent: 'pi_1',
    ...fields,
  })

const failed = (fields: Record<string, unknown> = {}) =>
  event('payment_intent.payment_failed', {
    id: 'pi_2',
    object: 'payment_intent',
    metadata: { payment_id: 'payment-2' },
    last_payment_error: { message: 'Your card was declined.', code: 'card_declined' },
    ...fields,
  })

describe.each(providers)('$name provider: parseWebhook', (provider) => {
  it('maps a paid checkout session to succeeded', () => {
    const body = completed()
    expect(provider.parseWebhook(body, sign(body))).toEqual({
      eventId: 'evt_1',
      kind: 'succeeded',
      paymentId: 'payment-1',
      providerReference: 'pi_1',
      amountCents: 12_345,
      currency: 'USD',
    })
  })

  it('falls back to client_reference_id and reads an expanded payment intent', () => {
    const body = completed({
      metadata: {},
      payment_intent: { id: 'pi_expanded', object: 'payment_intent' },
    })
    expect(provider.parseWebhook(body, sign(body))).toMatchObject({
      kind: 'succeeded',
      paymentId: 'payment-from-reference',
      providerReference: 'pi_expanded',
    })
  })

  it('ignores a completed session that is not paid yet', () => {
    const body = completed({ payment_status: 'unpaid' })
    expect(provider.parseWebhook(body, sign(body))).toEqual({
      eventId: 'evt_1',
      kind: 'ignored',
      type: 'checkout.session.completed',
    })
  })

  it('maps a failed payment intent, with a default message when Stripe gives none', () => {
    const body = failed()
    expect(provider.parseWebhook(body, sign(body))).toEqual({
      eventId: 'evt_1',
      kind: 'failed',
      paymentId: 'payment-2',
      providerReference: 'pi_2',
      failureMessage: 'Your card was declined.',
    })
    const bare = failed({ last_payment_error: null })
    expect(provider.parseWebhook(bare, sign(bare))).toMatchObject({
      failureMessage: 'The payment failed.',
    })
  })

  it('ignores every other event type', () => {
    const body = event('charge.refunded', { id: 'ch_1', object: 'charge' }, 'evt_9')
    expect(provider.parseWebhook(body, sign(body))).toEqual({
      eventId: 'evt_9',
      kind: 'ignored',
      type: 'charge.refunded',
    })
  })

  it('refuses a signature made with another secret', () => {
    const body = completed()
    expect(() => provider.parseWebhook(body, sign(body, { secret: 'whsec_forged' }))).toThrow(
      WebhookSignatureError,
    )
  })

  it('refuses a body changed after signing', () => {
    const body = completed()
    const header = sign(body)
    const tampered = body.replace('12345', '1')
    expect(tampered).not.toBe(body)
    expect(() => provider.parseWebhook(tampered, header)).toThrow(WebhookSignatureError)
  })

  it('refuses a missing or malformed header', () => {
    const body = completed()
    expect(() => provider.parseWebhook(body, null)).toThrow(WebhookSignatureError)
    expect(() => provider.parseWebhook(body, '')).toThrow(WebhookSignatureError)
    expect(() => provider.parseWebhook(body, 'not a signature')).toThrow(WebhookSignatureError)
  })

  it('refuses a signature older than the 300 s tolerance, and accepts one just inside it', () => {
    const body = completed()
    const now = Math.floor(Date.now() / 1000)
    expect(() => provider.parseWebhook(body, sign(body, { timestamp: now - 301 }))).toThrow(
      WebhookSignatureError,
    )
    expect(provider.parseWebhook(body, sign(body, { timestamp: now - 290 })).kind).toBe('succeeded')
  })
})
