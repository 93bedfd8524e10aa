import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { PaymentProviderError, StripePaymentProvider } from '../src/index.ts'

/**
 * A stand-in for api.stripe.com on loopback: it records what the SDK sends and answers with a
 * canned object. This checks our parameters, not Stripe.
 */
interface Recorded {
  method: string
  path: string
  idempotencyKey: string | undefined
  authorization: string | undefined
  params: URLSearchParams
}

let server: http.Server
let port: number
const requests: Recorded[] = []
let reply: { status: number; body: unknown } = { status: 200, body: {} }

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
        authorization: req.headers.authorization,
        params: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
      })
      res.writeHead(reply.status, { 'content-type': 'application/json', 'request-id': 'req_test' })
      res.end(JSON.stringify(reply.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

beforeEach(() => {
  requests.length = 0
})

const provider = () =>
  new StripePaymentProvider({
    secretKey: 'sk_test_params',
    webhookSecret: 'whsec_unused',
    stripeConfig: { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 },
  })

const request = {
  paymentId: '5a0c5b0e-3f7e-4a53-9d7c-2f4f6f0e1a11',
  amountCents: 15_050,
  currency: 'USD',
  description: 'Invoice INV-1004 — Dirt Free Carpet',
  customerEmail: 'alice@example.com',
  successUrl: 'https://portal.example/invoices/1/paid?session={CHECKOUT_SESSION_ID}',
  cancelUrl: 'https://portal.example/invoices/1',
}

describe('StripePaymentProvider against a stand-in API', () => {
  it('creates a checkout session with our parameters and idempotency key', async () => {
    reply = {
      status: 200,
      body: {
        id: 'cs_test_1',
        object: 'checkout.session',
        url: 'https://checkout.stripe.com/c/pay/cs_test_1',
      },
    }
    const session = await provider().createCheckout(request)
    expect(session).toEqual({ id: 'cs_test_1', url: 'https://checkout.stripe.com/c/pay/cs_test_1' })

    expect(requests).toHaveLength(1)
    const sent = requests[0] as Recorded
    expect(sent.method).toBe('POST')
    expect(sent.path).toBe('/v1/checkout/sessions')
    expect(sent.authorization).toBe('Bearer sk_test_params')
    expect(sent.idempotencyKey).toBe(`checkout:${request.paymentId}`)
    expect(Object.fromEntries(sent.params)).toEqual({
      mode: 'payment',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'usd',
      'line_items[0][price_data][unit_amount]': '15050',
      'line_items[0][price_data][product_data][name]': 'Invoice INV-1004 — Dirt Free Carpet',
      client_reference_id: request.paymentId,
      'metadata[payment_id]': request.paymentId,
      'payment_intent_data[metadata][payment_id]': request.paymentId,
      customer_email: 'alice@example.com',
      success_url: request.successUrl,
      cancel_url: request.cancelUrl,
    })
  })

  it('leaves customer_email out when there is none', async () => {
    reply = {
      status: 200,
      body: { id: 'cs_test_2', object: 'checkout.session', url: 'https://checkout.stripe.com/x' },
    }
    await provider().createCheckout({ ...request, customerEmail: null })
    expect(requests[0]?.params.has('customer_email')).toBe(false)
  })

  it('refunds the payment intent with the refund idempotency key', async () => {
    reply = { status: 200, body: { id: 're_test_1', object: 'refund' } }
    const refund = await provider().refund({
      paymentId: request.paymentId,
      providerReference: 'pi_123',
      amountCents: 500,
    })
    expect(refund).toEqual({ id: 're_test_1' })
    const sent = requests[0] as Recorded
    expect(sent.path).toBe('/v1/refunds')
    expect(sent.idempotencyKey).toBe(`refund:${request.paymentId}`)
    expect(Object.fromEntries(sent.params)).toEqual({ payment_intent: 'pi_123', amount: '500' })
  })

  it('turns a refusal into a user-safe PaymentProviderError that keeps the cause', async () => {
    reply = {
      status: 400,
      body: {
        error: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_***' },
      },
    }
    const error = await provider()
      .createCheckout(request)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PaymentProviderError)
    expect((error as PaymentProviderError).message).not.toContain('sk_test')
    expect((error as PaymentProviderError).retryable).toBe(false)
    expect(String((error as Error).cause)).toContain('Invalid API Key')
  })

  it('marks an outage as retryable', async () => {
    reply = {
      status: 500,
      body: { error: { type: 'api_error', message: 'Something went wrong on our end.' } },
    }
    const error = await provider()
      .refund({ paymentId: 'p', providerReference: 'pi_1', amountCents: 1 })
      .catch((e) => e)
    expect(error).toBeInstanceOf(PaymentProviderError)
    expect((error as PaymentProviderError).retryable).toBe(true)
  })

  it('refuses an amount that is not a positive integer before calling Stripe', async () => {
    await expect(provider().createCheckout({ ...request, amountCents: 10.5 })).rejects.toThrow(
      TypeError,
    )
    await expect(provider().createCheckout({ ...request, amountCents: 0 })).rejects.toThrow(
      TypeError,
    )
    expect(requests).toHaveLength(0)
  })
})
