/**
 * The card form's rules: Stripe's test card numbers and what each one does, plus the checks a
 * card form makes before anything is charged (number, expiry, security code, name).
 */

export interface Decline {
  /** Stripe's `last_payment_error.code`. */
  code: 'card_declined' | 'expired_card' | 'incorrect_cvc'
  /** Stripe's `last_payment_error.decline_code` (only for `card_declined`). */
  declineCode: string | null
  message: string
}

export interface TestCard {
  number: string
  label: string
  /** Null: the payment succeeds. */
  decline: Decline | null
}

/** Stripe's test cards with the same outcome as on Stripe; any expiry in the future, any CVC. */
export const TEST_CARDS: readonly TestCard[] = [
  { number: '4242424242424242', label: 'Visa: succeeds', decline: null },
  { number: '5555555555554444', label: 'Mastercard: succeeds', decline: null },
  {
    number: '4000000000000002',
    label: 'declined',
    decline: {
      code: 'card_declined',
      declineCode: 'generic_decline',
      message: 'Your card was declined.',
    },
  },
  {
    number: '4000000000009995',
    label: 'declined: insufficient funds',
    decline: {
      code: 'card_declined',
      declineCode: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
    },
  },
  {
    number: '4000000000000069',
    label: 'declined: expired card',
    decline: { code: 'expired_card', declineCode: null, message: 'Your card has expired.' },
  },
  {
    number: '4000000000000127',
    label: 'declined: incorrect CVC',
    decline: {
      code: 'incorrect_cvc',
      declineCode: null,
      message: "Your card's security code is incorrect.",
    },
  },
]

/** What the customer typed into the card form. */
export interface CardInput {
  name: string
  number: string
  expiry: string
  cvc: string
}

/**
 * The form's own verdict, before any charge: `invalid` is re-shown with its message and sends no
 * event; `declined` and `approved` are attempts at a charge.
 */
export type CardOutcome =
  | { kind: 'invalid'; field: keyof CardInput; message: string }
  | { kind: 'declined'; decline: Decline }
  | { kind: 'approved'; last4: string }

export function digitsOf(cardNumber: string): string {
  return cardNumber.replace(/[\s-]/g, '')
}

/** The Luhn checksum every card number carries. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

/** `MM/YY` (or `MM / YY`, `MM/YYYY`): null when malformed. */
export function parseExpiry(expiry: string): { month: number; year: number } | null {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(expiry)
  if (!match) return null
  const month = Number(match[1])
  const rawYear = match[2] as string
  const year = rawYear.length === 2 ? 2000 + Number(rawYear) : Number(rawYear)
  if (month < 1 || month > 12) return null
  return { month, year }
}

/** A card is valid through the last day of its expiry month. */
export function isExpired(expiry: { month: number; year: number }, now: Date): boolean {
  const thisMonth = now.getUTCFullYear() * 12 + now.getUTCMonth()
  return expiry.year * 12 + (expiry.month - 1) < thisMonth
}

export function checkCard(input: CardInput, now = new Date()): CardOutcome {
  if (input.name.trim() === '')
    return { kind: 'invalid', field: 'name', message: 'Enter the name on the card.' }
  const digits = digitsOf(input.number)
  if (!passesLuhn(digits)) {
    return { kind: 'invalid', field: 'number', message: 'Your card number is incorrect.' }
  }
  const expiry = parseExpiry(input.expiry)
  if (!expiry) {
    return {
      kind: 'invalid',
      field: 'expiry',
      message: "Your card's expiration date is incorrect.",
    }
  }
  if (isExpired(expiry, now)) {
    return {
      kind: 'invalid',
      field: 'expiry',
      message: "Your card's expiration date is in the past.",
    }
  }
  if (!/^\d{3,4}$/.test(input.cvc.trim())) {
    return { kind: 'invalid', field: 'cvc', message: "Your card's security code is incomplete." }
  }
  const card = TEST_CARDS.find((c) => c.number === digits)
  if (!card) {
    // Stripe's test mode refuses real card numbers the same way.
    return {
      kind: 'invalid',
      field: 'number',
      message: 'This is a test checkout: use one of the test cards listed below.',
    }
  }
  if (card.decline) return { kind: 'declined', decline: card.decline }
  return { kind: 'approved', last4: digits.slice(-4) }
}
