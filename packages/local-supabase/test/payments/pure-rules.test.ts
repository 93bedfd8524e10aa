import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { escapeHtml, formatAmount } from '../../src/payments/html.ts'
import { successUrlFor } from '../../src/payments/http.ts'
import { parseCheckoutRequest } from '../../src/payments/requests.ts'
import { stripeSignatureHeader } from '../../src/payments/stripe-signature.ts'
import { checkCard, isExpired, parseExpiry, passesLuhn } from '../../src/payments/test-cards.ts'

const card = { name: 'Alice', number: '4242 4242 4242 4242', expiry: '12/39', cvc: '123' }

describe('the test checkout card rules', () => {
  it('checks the Luhn sum', () => {
    expect(passesLuhn('4242424242424242')).toBe(true)
    expect(passesLuhn('4242424242424241')).toBe(false)
    expect(passesLuhn('42')).toBe(false)
  })

  it('accepts a card through the last day of its expiry month', () => {
    const expiry = parseExpiry('03/26') as { month: number; year: number }
    expect(expiry).toEqual({ month: 3, year: 2026 })
    expect(isExpired(expiry, new Date('2026-03-31T23:59:00Z'))).toBe(false)
    expect(isExpired(expiry, new Date('2026-04-01T00:00:00Z'))).toBe(true)
    expect(parseExpiry('13/30')).toBeNull()
    expect(parseExpiry('1230')).toBeNull()
  })

  it("gives each test card Stripe's outcome", () => {
    expect(checkCard(card)).toEqual({ kind: 'approved', last4: '4242' })
    expect(checkCard({ ...card, number: '4000000000000002' })).toMatchObject({
      kind: 'declined',
      decline: {
        code: 'card_declined',
        declineCode: 'generic_decline',
        message: 'Your card was declined.',
      },
    })
    expect(checkCard({ ...card, number: '4000 0000 0000 9995' })).toMatchObject({
      decline: { declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' },
    })
    expect(checkCard({ ...card, number: '4242 4242 4242 4241' })).toMatchObject({
      kind: 'invalid',
      message: 'Your card number is incorrect.',
    })
    expect(checkCard({ ...card, expiry: '01/20' })).toMatchObject({
      kind: 'invalid',
      field: 'expiry',
    })
    expect(checkCard({ ...card, cvc: '1' })).toMatchObject({ kind: 'invalid', field: 'cvc' })
    expect(checkCard({ ...card, name: ' ' })).toMatchObject({ kind: 'invalid', field: 'name' })
  })
})

describe('the test checkout page and API', () => {
  it("signs as Stripe does: HMAC-SHA256 of '<t>.<body>' with the whole secret", () => {
    const expected = createHmac('sha256', 'whsec_x').update('1700000000.{"a":1}').digest('hex')
    expect(stripeSignatureHeader('whsec_x', '{"a":1}', 1_700_000_000)).toBe(
      `t=1700000000,v1=${expected}`,
    )
  })

  it('formats amounts in the smallest unit of each currency and escapes HTML', () => {
    expect(formatAmount(123_456, 'USD')).toBe('$1,234.56')
    expect(formatAmount(1_200, 'JPY')).toBe('¥1,200')
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    )
  })

  it('fills in {CHECKOUT_SESSION_ID}, raw or percent-encoded', () => {
    expect(successUrlFor('http://a/ok?s={CHECKOUT_SESSION_ID}', 'cs_1')).toBe('http://a/ok?s=cs_1')
    expect(successUrlFor('http://a/ok?s=%7BCHECKOUT_SESSION_ID%7D', 'cs_1')).toBe(
      'http://a/ok?s=cs_1',
    )
    expect(successUrlFor('http://a/ok', 'cs_1')).toBe('http://a/ok')
  })

  it('validates a checkout request', () => {
    const body = {
      payment_id: 'p1',
      amount_cents: 100,
      currency: 'usd',
      description: 'Invoice',
      customer_email: null,
      success_url: 'http://a/ok',
      cancel_url: 'https://a/back',
    }
    expect(parseCheckoutRequest(body)).toMatchObject({
      ok: true,
      value: { currency: 'USD', amountCents: 100 },
    })
    for (const bad of [
      { amount_cents: 0 },
      { amount_cents: 1.5 },
      { amount_cents: 100_000_000 },
      { currency: 'dollars' },
      { success_url: 'javascript:alert(1)' },
      { cancel_url: 'not a url' },
      { customer_email: 'nobody' },
      { payment_id: '' },
    ]) {
      expect(parseCheckoutRequest({ ...body, ...bad }).ok, JSON.stringify(bad)).toBe(false)
    }
  })
})
