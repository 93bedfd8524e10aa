import type { CheckoutRequest } from './types.ts'

/**
 * Our own mistakes, caught before any provider sees them (both providers would refuse them too,
 * less clearly): a TypeError names the field.
 */
export function assertCheckoutRequest(request: CheckoutRequest): void {
  if (!Number.isInteger(request.amountCents) || request.amountCents <= 0) {
    throw new TypeError(`amountCents must be a positive integer, got ${request.amountCents}`)
  }
  if (!/^[A-Za-z]{3}$/.test(request.currency)) {
    throw new TypeError(`currency must be a three-letter ISO 4217 code, got "${request.currency}"`)
  }
  if (request.paymentId.trim() === '') throw new TypeError('paymentId must not be empty')
  if (request.description.trim() === '') throw new TypeError('description must not be empty')
}
