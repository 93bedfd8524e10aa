import { localId } from './ids.ts'
import type { CheckoutSessionInput, RefundInput } from './requests.ts'

export interface CheckoutSession extends CheckoutSessionInput {
  id: string
  /** One payment intent per session, as on Stripe: every attempt (declined or paid) is on it. */
  paymentIntentId: string
  /** Unix seconds. */
  created: number
  status: 'open' | 'complete'
  /** A payment attempt is in flight (its webhook is being delivered): a second one must wait. */
  busy: boolean
}

export interface Refund extends RefundInput {
  id: string
  created: number
}

export type OpenResult = { kind: 'session'; session: CheckoutSession } | { kind: 'conflict' }

export type RefundResult =
  | { kind: 'refund'; refund: Refund }
  | { kind: 'conflict' | 'unknown_payment_intent' | 'not_paid' | 'too_much'; message: string }

const now = () => Math.floor(Date.now() / 1000)

const sameInput = (a: CheckoutSessionInput, b: CheckoutSessionInput) =>
  a.amountCents === b.amountCents &&
  a.currency === b.currency &&
  a.description === b.description &&
  a.customerEmail === b.customerEmail &&
  a.successUrl === b.successUrl &&
  a.cancelUrl === b.cancelUrl

/**
 * Checkout sessions and refunds, in memory: they last as long as the stack's process (a restart
 * forgets them, as an expired Stripe session is gone). `payment_id` is the idempotency key of
 * both, as `checkout:<id>` and `refund:<id>` are for Stripe.
 */
export function createSessionStore() {
  const sessions = new Map<string, CheckoutSession>()
  const byPaymentId = new Map<string, CheckoutSession>()
  const byPaymentIntent = new Map<string, CheckoutSession>()
  const refunds = new Map<string, Refund>()

  return {
    /** The session for this payment: a new one, the same one again, or a conflict. */
    open(input: CheckoutSessionInput): OpenResult {
      const existing = byPaymentId.get(input.paymentId)
      if (existing)
        return sameInput(existing, input)
          ? { kind: 'session', session: existing }
          : { kind: 'conflict' }
      const session: CheckoutSession = {
        ...input,
        id: localId('cs'),
        paymentIntentId: localId('pi'),
        created: now(),
        status: 'open',
        busy: false,
      }
      sessions.set(session.id, session)
      byPaymentId.set(session.paymentId, session)
      byPaymentIntent.set(session.paymentIntentId, session)
      return { kind: 'session', session }
    },

    get(id: string): CheckoutSession | undefined {
      return sessions.get(id)
    },

    refund(input: RefundInput): RefundResult {
      const existing = refunds.get(input.paymentId)
      if (existing) {
        return existing.paymentIntent === input.paymentIntent &&
          existing.amountCents === input.amountCents
          ? { kind: 'refund', refund: existing }
          : {
              kind: 'conflict',
              message: `A refund for payment ${input.paymentId} was already made with other parameters.`,
            }
      }
      const session = byPaymentIntent.get(input.paymentIntent)
      if (!session) {
        return {
          kind: 'unknown_payment_intent',
          message: `No such payment_intent: '${input.paymentIntent}'`,
        }
      }
      if (session.status !== 'complete') {
        return {
          kind: 'not_paid',
          message: `PaymentIntent ${input.paymentIntent} has no successful charge to refund.`,
        }
      }
      const refunded = [...refunds.values()]
        .filter((r) => r.paymentIntent === input.paymentIntent)
        .reduce((sum, r) => sum + r.amountCents, 0)
      if (refunded + input.amountCents > session.amountCents) {
        return {
          kind: 'too_much',
          message: `Refund amount (${input.amountCents}) is greater than the unrefunded amount (${session.amountCents - refunded}).`,
        }
      }
      const refund: Refund = { ...input, id: localId('re'), created: now() }
      refunds.set(input.paymentId, refund)
      return { kind: 'refund', refund }
    },
  }
}

export type SessionStore = ReturnType<typeof createSessionStore>
