import type { Logger } from '../log.ts'
import type { StripeShapedEvent } from './events.ts'
import { stripeSignatureHeader } from './stripe-signature.ts'

export interface WebhookTarget {
  /** Null: no endpoint configured, events are only logged. */
  url: string | null
  secret: string
}

export type Delivery =
  | { delivered: true }
  | { delivered: false; reason: 'not_configured' }
  | { delivered: false; reason: 'failed'; detail: string }

/** One try and up to three retries, with a short back-off between them. */
const BACKOFF_MS = [250, 500, 1000]
/** A first request to a dev server may compile the route first. */
const ATTEMPT_TIMEOUT_MS = 15_000

/**
 * POSTs the event, signed as Stripe signs it (a fresh signature per attempt, as Stripe's retries
 * carry), until the endpoint answers 2xx.
 */
export async function deliverEvent(
  target: WebhookTarget,
  event: StripeShapedEvent,
  log: Logger,
): Promise<Delivery> {
  if (!target.url) {
    log.warn('payments webhook not delivered: no LOCAL_PAYMENTS_WEBHOOK_URL configured', {
      event: event.id,
      type: event.type,
    })
    return { delivered: false, reason: 'not_configured' }
  }
  const body = JSON.stringify(event, null, 2)
  let detail = ''
  for (let attempt = 0; attempt <= BACKOFF_MS.length; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, BACKOFF_MS[attempt - 1]))
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'stripe-signature': stripeSignatureHeader(target.secret, body),
          'user-agent': 'local-supabase-payments/1.0 (Stripe-shaped webhooks)',
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      })
      await response.body?.cancel()
      if (response.status >= 200 && response.status < 300) {
        log.info('payments webhook delivered', {
          event: event.id,
          type: event.type,
          attempt: attempt + 1,
        })
        return { delivered: true }
      }
      detail = `the endpoint answered ${response.status}`
    } catch (error) {
      detail = `the endpoint could not be reached (${(error as Error).message})`
    }
    log.warn('payments webhook attempt failed', {
      event: event.id,
      url: target.url,
      attempt: attempt + 1,
      detail,
    })
  }
  return { delivered: false, reason: 'failed', detail }
}
