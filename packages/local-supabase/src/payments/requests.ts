/** The JSON bodies of the payments API, checked the way Stripe checks the same parameters. */

/** Stripe's largest amount for most currencies (eight digits in the smallest unit). */
export const MAX_AMOUNT_CENTS = 99_999_999

export interface CheckoutSessionInput {
  paymentId: string
  amountCents: number
  /** Upper-case ISO 4217 code. */
  currency: string
  description: string
  customerEmail: string | null
  successUrl: string
  cancelUrl: string
}

export interface RefundInput {
  paymentIntent: string
  amountCents: number
  paymentId: string
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

class InvalidParameter extends Error {}

function record(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidParameter('The request body must be a JSON object.')
  }
  return body as Record<string, unknown>
}

function text(body: Record<string, unknown>, name: string, maxLength: number): string {
  const value = body[name]
  if (typeof value !== 'string' || value.trim() === '')
    throw new InvalidParameter(`Missing required param: ${name}.`)
  if (value.length > maxLength)
    throw new InvalidParameter(`${name} must be at most ${maxLength} characters.`)
  return value
}

function amount(body: Record<string, unknown>, name: string): number {
  const value = body[name]
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value <= 0 ||
    value > MAX_AMOUNT_CENTS
  ) {
    throw new InvalidParameter(`${name} must be a positive integer of at most ${MAX_AMOUNT_CENTS}.`)
  }
  return value
}

function httpUrl(body: Record<string, unknown>, name: string): string {
  const value = text(body, name, 5000)
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InvalidParameter(`${name} must be an http or https URL.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidParameter(`${name} must be an http or https URL.`)
  }
  // The string as given, not URL's normalisation: `{CHECKOUT_SESSION_ID}` must survive.
  return value
}

function email(body: Record<string, unknown>, name: string): string | null {
  const value = body[name]
  if (value === undefined || value === null || value === '') return null
  if (
    typeof value !== 'string' ||
    !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ||
    value.length > 512
  ) {
    throw new InvalidParameter(`${name} must be an e-mail address.`)
  }
  return value
}

function parse<T>(build: () => T): Parsed<T> {
  try {
    return { ok: true, value: build() }
  } catch (error) {
    if (error instanceof InvalidParameter) return { ok: false, message: error.message }
    throw error
  }
}

export function parseCheckoutRequest(raw: unknown): Parsed<CheckoutSessionInput> {
  return parse(() => {
    const body = record(raw)
    const currency = text(body, 'currency', 3)
    if (!/^[A-Za-z]{3}$/.test(currency))
      throw new InvalidParameter('currency must be a three-letter ISO code.')
    return {
      paymentId: text(body, 'payment_id', 255),
      amountCents: amount(body, 'amount_cents'),
      currency: currency.toUpperCase(),
      description: text(body, 'description', 500),
      customerEmail: email(body, 'customer_email'),
      successUrl: httpUrl(body, 'success_url'),
      cancelUrl: httpUrl(body, 'cancel_url'),
    }
  })
}

export function parseRefundRequest(raw: unknown): Parsed<RefundInput> {
  return parse(() => {
    const body = record(raw)
    return {
      paymentIntent: text(body, 'payment_intent', 255),
      amountCents: amount(body, 'amount_cents'),
      paymentId: text(body, 'payment_id', 255),
    }
  })
}
