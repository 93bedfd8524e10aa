import type { Client, PaymentMethod, PaymentRow } from '../types.ts'
import { rpcRow, unwrap, unwrapOne, ValidationError } from './errors.ts'
import { assertUuid } from './validate.ts'

function checkCents(field: string, cents: number, min: number) {
  if (!Number.isInteger(cents) || cents < min) throw new ValidationError(field, `must be whole cents, at least ${min}`)
}

/** An invoice's (or a quote's deposit's) payments, oldest first. */
export async function listPayments(
  client: Client,
  on: { invoiceId: string } | { quoteId: string } | { customerId: string },
): Promise<PaymentRow[]> {
  let query = client.from('payments').select('*')
  if ('invoiceId' in on) query = query.eq('invoice_id', assertUuid(on.invoiceId, 'invoiceId'))
  else if ('quoteId' in on) query = query.eq('quote_id', assertUuid(on.quoteId, 'quoteId'))
  else query = query.eq('customer_id', assertUuid(on.customerId, 'customerId'))
  const result = await query.order('created_at', { ascending: true }).order('id', { ascending: true })
  return unwrap(result, 'listing payments')
}

export async function getPayment(client: Client, paymentId: string): Promise<PaymentRow> {
  const id = assertUuid(paymentId, 'paymentId')
  const result = await client.from('payments').select('*').eq('id', id).maybeSingle()
  return unwrapOne(result, 'loading the payment', 'payment', id)
}

export interface RecordPaymentInput {
  invoiceId: string
  amountCents: number
  method: PaymentMethod
  receivedAt?: Date
  note?: string | null
  tipCents?: number
}

/** Staff record a payment taken outside the portal; the database checks the balance. */
export async function recordPayment(client: Client, input: RecordPaymentInput): Promise<PaymentRow> {
  checkCents('amountCents', input.amountCents, 1)
  checkCents('tipCents', input.tipCents ?? 0, 0)
  const result = await client.rpc('record_payment', {
    p_invoice_id: assertUuid(input.invoiceId, 'invoiceId'),
    p_amount_cents: input.amountCents,
    p_method: input.method,
    p_received_at: (input.receivedAt ?? new Date()).toISOString(),
    p_note: input.note ?? undefined,
    p_tip_cents: input.tipCents ?? 0,
  })
  return rpcRow(unwrap(result, 'recording the payment'), 'record_payment')
}

/** Gives one payment back in full (for card payments taken online, after the provider's refund). */
export async function refundPayment(
  client: Client,
  paymentId: string,
  reason: string,
  providerRefundReference?: string,
): Promise<PaymentRow> {
  if (!reason.trim()) throw new ValidationError('reason', 'must not be empty')
  const result = await client.rpc('refund_payment', {
    p_payment_id: assertUuid(paymentId, 'paymentId'),
    p_reason: reason.trim(),
    p_provider_refund_reference: providerRefundReference,
  })
  return rpcRow(unwrap(result, 'refunding the payment'), 'refund_payment')
}

export interface StartOnlinePaymentInput {
  /** Chosen by the form when it is shown: a second submit returns the same payment. */
  paymentId: string
  target: { invoiceId: string } | { quoteId: string }
  amountCents: number
  tipCents?: number
}

/** A pending card payment of an invoice balance (or part of it, plus a tip) or a quote deposit. */
export async function startOnlinePayment(client: Client, input: StartOnlinePaymentInput): Promise<PaymentRow> {
  checkCents('amountCents', input.amountCents, 1)
  checkCents('tipCents', input.tipCents ?? 0, 0)
  const result = await client.rpc('start_online_payment', {
    p_payment_id: assertUuid(input.paymentId, 'paymentId'),
    p_invoice_id: 'invoiceId' in input.target ? assertUuid(input.target.invoiceId, 'invoiceId') : undefined,
    p_quote_id: 'quoteId' in input.target ? assertUuid(input.target.quoteId, 'quoteId') : undefined,
    p_amount_cents: input.amountCents,
    p_tip_cents: input.tipCents ?? 0,
  })
  return rpcRow(unwrap(result, 'starting the payment'), 'start_online_payment')
}

/** Server only (service role): where the provider's checkout for a pending payment lives. */
export async function attachPaymentCheckout(
  serviceClient: Client,
  input: { paymentId: string; provider: string; reference: string; url: string },
): Promise<PaymentRow> {
  const result = await serviceClient.rpc('attach_payment_checkout', {
    p_payment_id: assertUuid(input.paymentId, 'paymentId'),
    p_provider: input.provider,
    p_reference: input.reference,
    p_url: input.url,
  })
  return rpcRow(unwrap(result, 'saving the checkout'), 'attach_payment_checkout')
}

export type SettleOutcome = 'succeeded' | 'failed' | 'duplicate' | 'ignored'

export interface SettleInput {
  eventId: string
  provider: string
  eventType: string
  paymentId: string
  succeeded: boolean
  reference: string | null
  amountCents: number | null
  failureMessage?: string | null
}

/** Server only (service role): a verified provider event settles a payment, once per event id. */
export async function settleOnlinePayment(serviceClient: Client, input: SettleInput): Promise<SettleOutcome> {
  const result = await serviceClient.rpc('settle_online_payment', {
    p_event_id: input.eventId,
    p_provider: input.provider,
    p_event_type: input.eventType,
    p_payment_id: assertUuid(input.paymentId, 'paymentId'),
    p_succeeded: input.succeeded,
    p_reference: input.reference ?? undefined,
    p_amount_cents: input.amountCents ?? undefined,
    p_failure_message: input.failureMessage ?? undefined,
  })
  return unwrap(result, 'settling the payment') as SettleOutcome
}
