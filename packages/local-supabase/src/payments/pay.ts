import type { IncomingMessage, ServerResponse } from 'node:http'
import { readBody } from '../http/io.ts'
import type { Logger } from '../log.ts'
import { alreadyPaidPage, busyPage, checkoutPage, notConfirmedPage } from './checkout-page.ts'
import { checkoutSessionCompleted, paymentIntentPaymentFailed } from './events.ts'
import { originOf, redirect, sendHtml, successUrlFor } from './http.ts'
import type { CheckoutSession } from './sessions.ts'
import { type CardInput, checkCard } from './test-cards.ts'
import { deliverEvent, type WebhookTarget } from './webhook-delivery.ts'

const FORM_LIMIT_BYTES = 16 * 1024

async function readCardForm(req: IncomingMessage): Promise<CardInput> {
  const form = new URLSearchParams((await readBody(req, FORM_LIMIT_BYTES)).toString('utf8'))
  return {
    name: form.get('name') ?? '',
    number: form.get('number') ?? '',
    expiry: form.get('expiry') ?? '',
    cvc: form.get('cvc') ?? '',
  }
}

/** A paid session is never paid twice, and one attempt at a time is in flight. */
function refuseSecondPayment(session: CheckoutSession, checkoutUrl: string): string | null {
  if (session.status === 'complete')
    return alreadyPaidPage(session, successUrlFor(session.successUrl, session.id))
  if (session.busy) return busyPage(session, checkoutUrl)
  return null
}

export interface PayContext {
  session: CheckoutSession
  checkoutUrl: string
  webhook: WebhookTarget
  log: Logger
}

/**
 * The card form's submit: an invalid card is shown again (no event); a declined one sends
 * `payment_intent.payment_failed` and is shown again (402); an approved one sends
 * `checkout.session.completed` and, once the endpoint took it (2xx), completes the session and
 * sends the browser to the success URL. An endpoint that refuses leaves the session open.
 */
export async function pay(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: PayContext,
): Promise<void> {
  const { session, checkoutUrl, webhook, log } = ctx
  const refusal = refuseSecondPayment(session, checkoutUrl)
  if (refusal) {
    req.resume()
    sendHtml(res, 409, refusal, originOf(session.successUrl))
    return
  }
  const values = await readCardForm(req)
  const outcome = checkCard(values)
  if (outcome.kind === 'invalid') {
    sendHtml(res, 400, checkoutPage(session, { checkoutUrl, values, error: outcome }), originOf(session.successUrl))
    return
  }
  // Asked again after the body was read: another submit may have started meanwhile.
  const lateRefusal = refuseSecondPayment(session, checkoutUrl)
  if (lateRefusal) {
    sendHtml(res, 409, lateRefusal, originOf(session.successUrl))
    return
  }
  session.busy = true
  try {
    if (outcome.kind === 'declined') {
      const delivery = await deliverEvent(
        webhook,
        paymentIntentPaymentFailed(session, outcome.decline),
        log,
      )
      if (!delivery.delivered && delivery.reason === 'failed') {
        log.warn('the decline was shown but its webhook was not accepted', { session: session.id })
      }
      const error = { field: null, message: outcome.decline.message }
      sendHtml(res, 402, checkoutPage(session, { checkoutUrl, values, error }), originOf(session.successUrl))
      return
    }
    const delivery = await deliverEvent(webhook, checkoutSessionCompleted(session), log)
    if (!delivery.delivered && delivery.reason === 'failed') {
      sendHtml(res, 502, notConfirmedPage(session, checkoutUrl, delivery.detail), originOf(session.successUrl))
      return
    }
    session.status = 'complete'
    log.info('checkout session paid', { session: session.id, payment: session.paymentId })
    redirect(res, successUrlFor(session.successUrl, session.id))
  } finally {
    session.busy = false
  }
}
