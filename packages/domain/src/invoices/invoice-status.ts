// Invoice statuses from the generated enum, their wording and tones, and the totals rules the
// lists show (the saved totals themselves are computed by the database).
import { Constants, type InvoiceStatus } from '@repo/database/types'
import type { StatusTone } from '../notice.ts'

export type { InvoiceStatus }

export const invoiceStatuses: readonly InvoiceStatus[] = Constants.public.Enums.invoice_status

/** Customer wording (portal): a sent invoice is simply "Due". Staff see the status itself. */
export const customerInvoiceStatusLabel: Record<InvoiceStatus, string> = {
  draft: 'Draft',
  sent: 'Due',
  paid: 'Paid',
  overdue: 'Overdue',
  void: 'Void',
}

export const invoiceStatusTone: Record<InvoiceStatus, StatusTone> = {
  draft: 'neutral',
  sent: 'info',
  paid: 'success',
  overdue: 'danger',
  void: 'neutral',
}

/** Drafts are the business's work in progress; customers see an invoice once it is sent. */
export function isInvoiceVisibleToCustomer(status: InvoiceStatus): boolean {
  return status !== 'draft'
}

/** Sent and not yet paid: money is owed. */
export function isInvoiceOpen(status: InvoiceStatus): boolean {
  return status === 'sent' || status === 'overdue'
}

/** Nothing more will happen to it: paid or void. */
export function isInvoiceSettled(status: InvoiceStatus): boolean {
  return status === 'paid' || status === 'void'
}

/** Statuses in the order the CRM's filters list them: work in progress first, settled last. */
export const invoiceStatusesByUrgency: readonly InvoiceStatus[] = /*#__PURE__*/ invoiceStatuses
  .slice()
  // A stable sort keeps the enum's order within each group.
  .sort((a, b) => Number(isInvoiceSettled(a)) - Number(isInvoiceSettled(b)))

/** Total still owed across open invoices, in cents (their balances: part-payments count). */
export function amountDue(
  invoices: ReadonlyArray<{ status: InvoiceStatus; balance_cents: number }>,
): number {
  return invoices
    .filter((i) => isInvoiceOpen(i.status))
    .reduce((sum, i) => sum + Math.max(i.balance_cents, 0), 0)
}

/** Open with money already received toward it. */
export function isPartiallyPaid(invoice: {
  status: InvoiceStatus
  amount_paid_cents: number
  balance_cents: number
}): boolean {
  return isInvoiceOpen(invoice.status) && invoice.amount_paid_cents > 0 && invoice.balance_cents > 0
}

/**
 * The one definition of overdue: flagged by the database (the every-minute job), or sent and past
 * its due date in the minute before the job runs. Every list, badge and count uses this.
 */
export function isOverdue(
  invoice: { status: InvoiceStatus; due_at: string | null },
  now = Date.now(),
): boolean {
  return (
    invoice.status === 'overdue' ||
    (invoice.status === 'sent' && invoice.due_at !== null && Date.parse(invoice.due_at) < now)
  )
}

/** The status to show: "overdue" as soon as a sent invoice is past due, whatever the job's timing. */
export function shownInvoiceStatus(
  invoice: { status: InvoiceStatus; due_at: string | null },
  now = Date.now(),
): InvoiceStatus {
  return isOverdue(invoice, now) ? 'overdue' : invoice.status
}

const staffInvoiceStatusLabel: Record<InvoiceStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  paid: 'Paid',
  overdue: 'Overdue',
  void: 'Void',
}

/**
 * The badge both apps show: the shown status ("Due" to customers, "Sent" to staff), or "Partially
 * paid" while money has come in toward an open invoice that is not past due.
 */
export function invoiceBadge(
  invoice: { status: InvoiceStatus; due_at: string | null; amount_paid_cents?: number; balance_cents?: number },
  audience: 'customer' | 'staff',
  now = Date.now(),
): { label: string; tone: StatusTone } {
  const status = shownInvoiceStatus(invoice, now)
  const money = { status, amount_paid_cents: invoice.amount_paid_cents ?? 0, balance_cents: invoice.balance_cents ?? 0 }
  if (status === 'sent' && isPartiallyPaid(money)) {
    return { label: 'Partially paid', tone: 'warning' }
  }
  const labels = audience === 'customer' ? customerInvoiceStatusLabel : staffInvoiceStatusLabel
  return { label: labels[status], tone: invoiceStatusTone[status] }
}
