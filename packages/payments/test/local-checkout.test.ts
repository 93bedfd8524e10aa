import { randomUUID } from 'node:crypto'
import { startTestStack, type TestStack } from '@repo/local-supabase/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  LOCAL_PAYMENTS_WEBHOOK_SECRET_DEFAULT,
  LocalPaymentProvider,
  PaymentProviderError,
  type PaymentWebhookEvent,
  StripePaymentProvider,
} from '../src/index.ts'
import { startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver.ts'

let stack: TestStack
let receiver: WebhookReceiver
let provider: LocalPaymentProvider

beforeAll(async () => {
  receiver = await startWebhookReceiver()
  // Its own stack: the webhook URL is stack config, and it points at this file's receiver.
  stack = await startTestStack({ config: { paymentsWebhookUrl: receiver.url } })
  provider = new LocalPaymentProvider({
    apiUrl: `${stack.info.API_URL}/payments/v1`,
    serviceRoleKey: stack.info.SERVICE_ROLE_KEY,
    webhookSecret: LOCAL_PAYMENTS_WEBHOOK_SECRET_DEFAULT,
  })
})

afterAll(async () => {
  await stack?.stop()
  await receiver?.close()
})

const SUCCESS_URL = 'http://localhost:3001/invoices/inv-1/paid?session={CHECKOUT_SESSION_ID}'
const CANCEL_URL = 'http://localhost:3001/invoices/inv-1?cancelled=1'

function checkout(
  overrides: { paymentId?: string; amountCents?: number; description?: string } = {},
) {
  return provider.createCheckout({
    paymentId: overrides.paymentId ?? randomUUID(),
    amountCents: overrides.amountCents ?? 12_345,
    currency: 'usd',
    description: overrides.description ?? 'Invoice INV-1004 — Dirt Free Carpet',
    customerEmail: 'alice@example.com',
    successUrl: SUCCESS_URL,
    cancelUrl: CANCEL_URL,
  })
}

const decodeHtml = (s: string) =>
  s.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'")

/** Loads the checkout page and submits its own form (its action, as a browser would). */
async function payOnPage(
  url: string,
  card: Partial<Record<'name' | 'number' | 'expiry' | 'cvc', string>>,
) {
  const page = await fetch(url)
  expect(page.status).toBe(200)
  const action = /<form method="post" action="([^"]+)"/.exec(await page.text())?.[1]
  expect(action).toBeDefined()
  return fetch(decodeHtml(action as string), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      name: 'Alice Example',
      number: '4242 4242 4242 4242',
      expiry: '12/39',
      cvc: '123',
      ...card,
    }),
    redirect: 'manual',
  })
}

/** The deliveries since `from`, verified and mapped by the provider as the webhook route will. */
function eventsSince(from: number): PaymentWebhookEvent[] {
  return receiver.deliveries.slice(from).map((d) => provider.parseWebhook(d.body, d.signature))
}

describe('local checkout through LocalPaymentProvider', () => {
  it('shows the amount, pays with 4242, delivers a signed succeeded event and redirects', async () => {
    const paymentId = randomUUID()
    const session = await checkout({ paymentId })
    expect(session.id).toMatch(/^cs_local_/)
    expect(session.url).toBe(`${stack.info.API_URL}/payments/v1/checkout/${session.id}`)

    const page = await fetch(session.url)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    // Browsers apply form-action to the redirect after the post: the success page's origin is allowed.
    expect(page.headers.get('content-security-policy')).toContain(`form-action 'self' ${new URL(SUCCESS_URL).origin};`)
    const html = await page.text()
    expect(html).toContain('$123.45')
    expect(html).toContain('Pay $123.45')
    expect(html).toContain('Invoice INV-1004 — Dirt Free Carpet')
    expect(html).toContain(`href="${CANCEL_URL.replace('&', '&amp;')}"`)
    expect(html).toContain('4242 4242 4242 4242')
    expect(html).toContain('name="viewport"')

    const before = receiver.deliveries.length
    const paid = await payOnPage(session.url, {})
    expect(paid.status).toBe(303)
    expect(paid.headers.get('location')).toBe(
      SUCCESS_URL.replace('{CHECKOUT_SESSION_ID}', session.id),
    )

    const events = eventsSince(before)
    expect(events).toHaveLength(1)
    expect(events[0]).toEqual({
      eventId: expect.stringMatching(/^evt_local_/),
      kind: 'succeeded',
      paymentId,
      providerReference: expect.stringMatching(/^pi_local_/),
      amountCents: 12_345,
      currency: 'USD',
    })
    // The same code path as Stripe: Stripe's provider reads the local delivery the same way.
    const stripe = new StripePaymentProvider({
      secretKey: 'sk_test_unused',
      webhookSecret: LOCAL_PAYMENTS_WEBHOOK_SECRET_DEFAULT,
    })
    const delivery = receiver.deliveries[before]
    expect(delivery && stripe.parseWebhook(delivery.body, delivery.signature)).toEqual(events[0])
  })

  it('declines 4000 0000 0000 0002 with a failed event and a 402 page, then takes another card', async () => {
    const paymentId = randomUUID()
    const session = await checkout({ paymentId })
    const before = receiver.deliveries.length
    const declined = await payOnPage(session.url, { number: '4000 0000 0000 0002' })
    expect(declined.status).toBe(402)
    expect(await declined.text()).toContain('Your card was declined.')
    const [failed] = eventsSince(before)
    expect(failed).toEqual({
      eventId: expect.stringMatching(/^evt_local_/),
      kind: 'failed',
      paymentId,
      providerReference: expect.stringMatching(/^pi_local_/),
      failureMessage: 'Your card was declined.',
    })

    const paid = await payOnPage(session.url, {})
    expect(paid.status).toBe(303)
    const [, succeeded] = eventsSince(before)
    expect(succeeded).toMatchObject({ kind: 'succeeded', paymentId })
    // One payment intent per session, as on Stripe: the refund names the one that succeeded.
    expect(succeeded?.kind === 'succeeded' && succeeded.providerReference).toBe(
      failed?.kind === 'failed' && failed.providerReference,
    )
  })

  it('declines 4000 0000 0000 9995 for insufficient funds', async () => {
    const session = await checkout()
    const before = receiver.deliveries.length
    const declined = await payOnPage(session.url, { number: '4000000000009995' })
    expect(declined.status).toBe(402)
    expect(await declined.text()).toContain('Your card has insufficient funds.')
    expect(eventsSince(before)).toMatchObject([
      { kind: 'failed', failureMessage: 'Your card has insufficient funds.' },
    ])
  })

  it('re-shows the form without an event for a mistyped number or a past expiry', async () => {
    const session = await checkout()
    const before = receiver.deliveries.length
    const mistyped = await payOnPage(session.url, { number: '4242 4242 4242 4241' })
    expect(mistyped.status).toBe(400)
    const mistypedHtml = await mistyped.text()
    expect(mistypedHtml).toContain('Your card number is incorrect.')
    expect(mistypedHtml).toContain('value="Alice Example"')

    const expired = await payOnPage(session.url, { expiry: '01/20' })
    expect(expired.status).toBe(400)
    expect(await expired.text()).toContain('expiration date is in the past')
    expect(receiver.deliveries.length).toBe(before)
  })

  it('returns the same session for the same payment id, and refuses it with other parameters', async () => {
    const paymentId = randomUUID()
    const first = await checkout({ paymentId })
    expect(await checkout({ paymentId })).toEqual(first)
    await expect(checkout({ paymentId, amountCents: 999 })).rejects.toBeInstanceOf(
      PaymentProviderError,
    )
  })

  it('cannot pay a completed session twice', async () => {
    const session = await checkout()
    expect((await payOnPage(session.url, {})).status).toBe(303)
    const before = receiver.deliveries.length

    const page = await fetch(session.url)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('already paid')
    expect(html).not.toContain('<form')
    expect(html).toContain(`href="${SUCCESS_URL.replace('{CHECKOUT_SESSION_ID}', session.id)}"`)

    const again = await fetch(`${session.url}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=A&number=4242424242424242&expiry=12%2F39&cvc=123',
      redirect: 'manual',
    })
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('already paid')
    expect(receiver.deliveries.length).toBe(before)
  })

  it('keeps the session open and says so when the webhook endpoint does not accept the event', async () => {
    const session = await checkout()
    const before = receiver.deliveries.length
    receiver.respondWith(500)
    try {
      const response = await payOnPage(session.url, {})
      expect(response.status).toBe(502)
      expect(await response.text()).toContain('could not confirm this payment')
      // One try and three retries.
      expect(receiver.deliveries.length - before).toBe(4)
    } finally {
      receiver.respondWith(200)
    }
    expect((await payOnPage(session.url, {})).status).toBe(303)
  })

  it('refunds a paid payment once per payment id', async () => {
    const paymentId = randomUUID()
    const session = await checkout({ paymentId })
    const before = receiver.deliveries.length
    await payOnPage(session.url, {})
    const [paid] = eventsSince(before)
    if (paid?.kind !== 'succeeded') throw new Error(`expected a succeeded event, got ${paid?.kind}`)

    const refund = await provider.refund({
      paymentId,
      providerReference: paid.providerReference,
      amountCents: 2_000,
    })
    expect(refund.id).toMatch(/^re_local_/)
    expect(
      await provider.refund({
        paymentId,
        providerReference: paid.providerReference,
        amountCents: 2_000,
      }),
    ).toEqual(refund)
    await expect(
      provider.refund({
        paymentId: randomUUID(),
        providerReference: 'pi_local_unknown',
        amountCents: 100,
      }),
    ).rejects.toBeInstanceOf(PaymentProviderError)
  })

  it('escapes what it puts in the page', async () => {
    const session = await checkout({ description: '<script>alert("x")</script> & Sons' })
    const html = await (await fetch(session.url)).text()
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons')
  })

  it('refuses the JSON API without the service-role key and an unknown checkout', async () => {
    const denied = await fetch(`${stack.info.API_URL}/payments/v1/checkout/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', apikey: stack.info.ANON_KEY },
      body: '{}',
    })
    expect(denied.status).toBe(401)
    const anon = new LocalPaymentProvider({
      apiUrl: `${stack.info.API_URL}/payments/v1`,
      serviceRoleKey: stack.info.ANON_KEY,
      webhookSecret: LOCAL_PAYMENTS_WEBHOOK_SECRET_DEFAULT,
    })
    await expect(
      anon.createCheckout({
        paymentId: randomUUID(),
        amountCents: 100,
        currency: 'USD',
        description: 'x',
        successUrl: SUCCESS_URL,
        cancelUrl: CANCEL_URL,
      }),
    ).rejects.toBeInstanceOf(PaymentProviderError)
    expect(
      (await fetch(`${stack.info.API_URL}/payments/v1/checkout/cs_local_nothing`)).status,
    ).toBe(404)
  })
})
