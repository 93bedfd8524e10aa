import { LOCAL_PAYMENTS_WEBHOOK_SECRET_DEFAULT, LocalPaymentProvider } from './local-provider.ts'
import { StripePaymentProvider } from './stripe-provider.ts'
import type { PaymentProvider } from './types.ts'

const value = (env: NodeJS.ProcessEnv, name: string) => env[name]?.trim() || undefined

function isLoopback(url: string): boolean {
  let hostname: string
  try {
    hostname = new URL(url).hostname
  } catch {
    return false
  }
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127(\.\d{1,3}){3}$/.test(hostname)
  )
}

/**
 * Stripe when `STRIPE_SECRET_KEY` is set (then `STRIPE_WEBHOOK_SECRET` is required), else the
 * local stack's test checkout. The local provider's default webhook secret is public, so it is
 * used only for a stack on this machine (loopback): anything else must set
 * `LOCAL_PAYMENTS_WEBHOOK_SECRET`, and a deployed app that forgot its Stripe keys fails at start
 * instead of accepting forged "paid" events.
 */
export function paymentProviderFromEnv(env: NodeJS.ProcessEnv = process.env): PaymentProvider {
  const secretKey = value(env, 'STRIPE_SECRET_KEY')
  if (secretKey) {
    const webhookSecret = value(env, 'STRIPE_WEBHOOK_SECRET')
    if (!webhookSecret) {
      throw new Error(
        'STRIPE_WEBHOOK_SECRET is missing: with STRIPE_SECRET_KEY set it must hold the signing secret (whsec_…) of the webhook endpoint.',
      )
    }
    return new StripePaymentProvider({ secretKey, webhookSecret })
  }

  const supabaseUrl = value(env, 'NEXT_PUBLIC_SUPABASE_URL')
  const apiUrl =
    value(env, 'LOCAL_PAYMENTS_URL') ??
    (supabaseUrl ? `${supabaseUrl.replace(/\/+$/, '')}/payments/v1` : undefined)
  if (!apiUrl) {
    throw new Error(
      'No payment provider is configured: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET for Stripe, or NEXT_PUBLIC_SUPABASE_URL (or LOCAL_PAYMENTS_URL) for the local stack’s test checkout.',
    )
  }
  // Either of Supabase's admin keys: the service_role JWT or the secret key (sb_secret_…).
  const serviceRoleKey =
    value(env, 'SUPABASE_SERVICE_ROLE_KEY') ?? value(env, 'SUPABASE_SECRET_KEY')
  if (!serviceRoleKey) {
    throw new Error(
      'SUPABASE_SERVICE_ROLE_KEY (or SUPABASE_SECRET_KEY) is missing: the local test checkout needs it (STRIPE_SECRET_KEY is not set).',
    )
  }
  const explicitSecret = value(env, 'LOCAL_PAYMENTS_WEBHOOK_SECRET')
  if (!explicitSecret && !isLoopback(apiUrl)) {
    throw new Error(
      `STRIPE_SECRET_KEY is not set and the payments API (${apiUrl}) is not a local stack on this machine: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, or LOCAL_PAYMENTS_WEBHOOK_SECRET for a test stack elsewhere.`,
    )
  }
  return new LocalPaymentProvider({
    apiUrl,
    serviceRoleKey,
    webhookSecret: explicitSecret ?? LOCAL_PAYMENTS_WEBHOOK_SECRET_DEFAULT,
  })
}
