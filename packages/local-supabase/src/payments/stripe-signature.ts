import { createHmac } from 'node:crypto'

/**
 * The `Stripe-Signature` header exactly as Stripe computes it: `t=<unix seconds>,v1=<hex>` where
 * the signature is HMAC-SHA256 with the endpoint's `whsec_…` secret (the whole string, prefix
 * included) over `<t>.<raw body>`. Stripe's SDKs (`stripe.webhooks.constructEvent`) verify it.
 */
export function stripeSignatureHeader(
  secret: string,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  const signature = createHmac('sha256', secret)
    .update(`${timestamp}.${body}`, 'utf8')
    .digest('hex')
  return `t=${timestamp},v1=${signature}`
}
