import { createLogger } from '@repo/actions/logger'
import { settleOnlinePayment } from '@repo/database/repositories'
import { createClient as createServiceClient } from '@repo/database/service-role'
import { paymentProviderFromEnv, WebhookSignatureError } from '@repo/payments'

// The payment provider's webhook (Stripe in production, the local test checkout otherwise; the
// same code path for both): verify the signature, then settle the payment once per event id.
const log = createLogger('payments.webhook')
// Stripe's events are a few kB; anything near this is not one of them.
const MAX_BODY_BYTES = 256 * 1024

function answer(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status })
}

export async function POST(request: Request): Promise<Response> {
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > MAX_BODY_BYTES) return answer(413, { error: 'The event is too large.' })
  const body = await request.text()
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) return answer(413, { error: 'The event is too large.' })

  const provider = paymentProviderFromEnv()
  let event: ReturnType<typeof provider.parseWebhook>
  try {
    event = provider.parseWebhook(body, request.headers.get('stripe-signature'))
  } catch (error) {
    if (error instanceof WebhookSignatureError) {
      log.warn('refused a webhook with a bad signature', { reason: error.message })
      return answer(400, { error: 'The signature does not match.' })
    }
    log.warn('refused a webhook that is not a payment event', { reason: String(error) })
    return answer(400, { error: 'Not a payment event.' })
  }
  if (event.kind === 'ignored') return answer(200, { received: true, outcome: 'ignored' })

  const outcome = await settleOnlinePayment(createServiceClient(), {
    eventId: event.eventId,
    provider: provider.name,
    eventType: event.kind === 'succeeded' ? 'payment.succeeded' : 'payment.failed',
    paymentId: event.paymentId,
    succeeded: event.kind === 'succeeded',
    reference: event.providerReference,
    amountCents: event.kind === 'succeeded' ? event.amountCents : null,
    failureMessage: event.kind === 'failed' ? event.failureMessage : null,
  })
  log.info('settled a payment event', { eventId: event.eventId, paymentId: event.paymentId, outcome })
  return answer(200, { received: true, outcome })
}
