import { apiUrlFor } from '../http/api-url.ts'
import { BodyTooLargeError, InvalidJsonError, readJsonBody, sendJson } from '../http/io.ts'
import type { HttpService, ServiceContext } from '../http/service.ts'
import { alreadyPaidPage, checkoutPage, notFoundPage } from './checkout-page.ts'
import { isServiceRole, originOf, sendError, sendHtml, successUrlFor } from './http.ts'
import { pay } from './pay.ts'
import { parseCheckoutRequest, parseRefundRequest } from './requests.ts'
import { createSessionStore } from './sessions.ts'

export const PAYMENTS_PREFIX = '/payments/v1'

const CHECKOUT_PAGE = /^\/checkout\/(cs_local_[A-Za-z0-9]+)$/
const CHECKOUT_PAY = /^\/checkout\/(cs_local_[A-Za-z0-9]+)\/pay$/

/**
 * A stand-in for Stripe Checkout at `/payments/v1`: the app creates a session (service role),
 * the customer pays on a hosted test page, and the outcome reaches the app as a Stripe-signed
 * webhook event, so the app's Stripe code path runs unchanged. Sessions live in memory.
 */
export function createPaymentsService(ctx: ServiceContext): HttpService {
  const store = createSessionStore()
  const webhook = { url: ctx.config.paymentsWebhookUrl, secret: ctx.config.paymentsWebhookSecret }
  if (!webhook.url)
    ctx.log.debug('no LOCAL_PAYMENTS_WEBHOOK_URL: payment events will only be logged')

  return {
    prefix: PAYMENTS_PREFIX,
    async handle(req, res, path) {
      const method = req.method ?? 'GET'
      const checkoutUrl = (id: string) =>
        `${apiUrlFor(ctx.config, req)}${PAYMENTS_PREFIX}/checkout/${id}`

      const page = CHECKOUT_PAGE.exec(path)
      if (page && method === 'GET') {
        const session = store.get(page[1] as string)
        if (!session) return sendHtml(res, 404, notFoundPage())
        if (session.status === 'complete') {
          return sendHtml(
            res,
            200,
            alreadyPaidPage(session, successUrlFor(session.successUrl, session.id)),
          )
        }
        return sendHtml(res, 200, checkoutPage(session, { checkoutUrl: checkoutUrl(session.id) }), originOf(session.successUrl))
      }
      const payment = CHECKOUT_PAY.exec(path)
      if (payment && method === 'POST') {
        const session = store.get(payment[1] as string)
        if (!session) {
          req.resume()
          return sendHtml(res, 404, notFoundPage())
        }
        return pay(req, res, {
          session,
          checkoutUrl: checkoutUrl(session.id),
          webhook,
          log: ctx.log,
        })
      }

      const api = method === 'POST' && (path === '/checkout/sessions' || path === '/refunds')
      if (!api) {
        req.resume()
        return sendError(
          res,
          404,
          'invalid_request_error',
          `Unrecognized request URL (${method}: ${path}).`,
        )
      }
      if (!(await isServiceRole(req, ctx.jwt))) {
        req.resume()
        return sendError(
          res,
          401,
          'authentication_error',
          'The payments API needs the service-role key.',
        )
      }
      let body: unknown
      try {
        body = await readJsonBody(req, ctx.config.maxBodyBytes)
      } catch (error) {
        if (error instanceof BodyTooLargeError)
          return sendError(res, 413, 'invalid_request_error', error.message)
        if (error instanceof InvalidJsonError)
          return sendError(res, 400, 'invalid_request_error', error.message)
        throw error
      }

      if (path === '/checkout/sessions') {
        const parsed = parseCheckoutRequest(body)
        if (!parsed.ok) return sendError(res, 400, 'invalid_request_error', parsed.message)
        const opened = store.open(parsed.value)
        if (opened.kind === 'conflict') {
          return sendError(
            res,
            409,
            'idempotency_error',
            `A checkout for payment ${parsed.value.paymentId} was already created with other parameters.`,
          )
        }
        return sendJson(res, 200, { id: opened.session.id, url: checkoutUrl(opened.session.id) })
      }

      const parsed = parseRefundRequest(body)
      if (!parsed.ok) return sendError(res, 400, 'invalid_request_error', parsed.message)
      const result = store.refund(parsed.value)
      if (result.kind === 'refund') return sendJson(res, 200, { id: result.refund.id })
      const status = { conflict: 409, unknown_payment_intent: 404, not_paid: 400, too_much: 400 }[
        result.kind
      ]
      const type = result.kind === 'conflict' ? 'idempotency_error' : 'invalid_request_error'
      return sendError(res, status, type, result.message)
    },
  }
}
