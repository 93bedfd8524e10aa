// What staff can do to an invoice's status, and from which statuses. Money is not a status:
// payments are recorded as rows (record_payment), and "paid" follows from them.
import type { InvoiceStatus } from './invoice-status.ts'
import { isInvoiceOpen } from './invoice-status.ts'

export const invoiceActions = ['send', 'void'] as const
export type InvoiceAction = (typeof invoiceActions)[number]

const from: Record<InvoiceAction, readonly InvoiceStatus[]> = {
  send: ['draft'],
  void: ['draft', 'sent', 'overdue'],
}

const to: Record<InvoiceAction, InvoiceStatus> = { send: 'sent', void: 'void' }

/** Button wording. */
export const invoiceActionLabel: Record<InvoiceAction, string> = {
  send: 'Send',
  void: 'Void',
}

/** Toast after the action succeeded. */
export const invoiceActionDone: Record<InvoiceAction, string> = {
  send: 'Invoice sent',
  void: 'Invoice voided',
}

export function invoiceActionTarget(action: InvoiceAction): InvoiceStatus {
  return to[action]
}

/** Void needs the invoice to hold no money (refund first); the database says so too. */
export function canApplyInvoiceAction(
  status: InvoiceStatus,
  action: InvoiceAction,
  amountPaidCents = 0,
): boolean {
  return from[action].includes(status) && (action !== 'void' || amountPaidCents === 0)
}

/** Sent (or overdue) with something still to pay: staff may record a payment. */
export function canRecordPayment(invoice: { status: InvoiceStatus; balance_cents: number }): boolean {
  return isInvoiceOpen(invoice.status) && invoice.balance_cents > 0
}
