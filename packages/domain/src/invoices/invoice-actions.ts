// What staff can do to an invoice, and from which statuses.
import type { InvoiceStatus } from './invoice-status.ts'

export const invoiceActions = ['send', 'mark_paid', 'void'] as const
export type InvoiceAction = (typeof invoiceActions)[number]

const from: Record<InvoiceAction, readonly InvoiceStatus[]> = {
  send: ['draft'],
  mark_paid: ['sent', 'overdue'],
  void: ['draft', 'sent', 'overdue'],
}

const to: Record<InvoiceAction, InvoiceStatus> = { send: 'sent', mark_paid: 'paid', void: 'void' }

/** Button wording. */
export const invoiceActionLabel: Record<InvoiceAction, string> = {
  send: 'Send',
  mark_paid: 'Mark paid',
  void: 'Void',
}

/** Toast after the action succeeded. */
export const invoiceActionDone: Record<InvoiceAction, string> = {
  send: 'Invoice sent',
  mark_paid: 'Invoice marked paid',
  void: 'Invoice voided',
}

export function invoiceActionTarget(action: InvoiceAction): InvoiceStatus {
  return to[action]
}

export function canApplyInvoiceAction(status: InvoiceStatus, action: InvoiceAction): boolean {
  return from[action].includes(status)
}
