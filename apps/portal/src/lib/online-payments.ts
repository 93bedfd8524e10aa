import 'server-only'
import {
  attachPaymentCheckout,
  type StartOnlinePaymentInput,
  startOnlinePayment,
} from '@repo/database/repositories'
import { createClient as createServiceClient } from '@repo/database/service-role'
import { paymentProviderFromEnv } from '@repo/payments'
import type { PortalSession } from './portal-session'

export interface CheckoutStart extends StartOnlinePaymentInput {
  /** What the customer sees on the checkout page. */
  description: string
  /** Where "Cancel" on the checkout page leads back to (a portal path). */
  returnPath: string
}

/**
 * Starts (or, for a repeated submit, resumes) a card payment: the database records it as pending
 * and checks the amount; the provider (Stripe, or the local test checkout) hosts the card form;
 * its signed webhook settles the payment later. Returns the page to send the browser to.
 */
export async function beginCheckout(session: PortalSession, input: CheckoutStart, origin: string): Promise<string> {
  const payment = await startOnlinePayment(session.supabase, input)
  const receipt = `${origin}/payments/${payment.id}`
  if (payment.status === 'succeeded' || payment.status === 'refunded') return receipt
  if (payment.checkout_url) return payment.checkout_url
  const provider = paymentProviderFromEnv()
  const checkout = await provider.createCheckout({
    paymentId: payment.id,
    amountCents: payment.amount_cents + payment.tip_cents,
    currency: session.organization.currency,
    description: input.description,
    customerEmail: session.customer.email,
    successUrl: receipt,
    cancelUrl: `${origin}${input.returnPath}`,
  })
  // The customer may not write payments; the server records where their checkout lives.
  await attachPaymentCheckout(createServiceClient(), {
    paymentId: payment.id,
    provider: provider.name,
    reference: checkout.id,
    url: checkout.url,
  })
  return checkout.url
}
