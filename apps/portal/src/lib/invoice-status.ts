import type { BadgeTone } from '@repo/ui/badge'

export type InvoiceStatus = 'draft' | 'sent' | 'paid' | 'overdue' | 'void'

export const invoiceStatusLabel: Record<InvoiceStatus, string> = {
  draft: 'Draft',
  sent: 'Due',
  paid: 'Paid',
  overdue: 'Overdue',
  void: 'Void',
}

export const invoiceStatusTone: Record<InvoiceStatus, BadgeTone> = {
  draft: 'neutral',
  sent: 'info',
  paid: 'success',
  overdue: 'danger',
  void: 'neutral',
}

export function isOpen(status: InvoiceStatus): boolean {
  return status === 'sent' || status === 'overdue'
}

/** Total still owed across the customer's open invoices, in cents. */
export function amountDue(invoices: ReadonlyArray<{ status: InvoiceStatus; total_cents: number }>): number {
  return invoices.filter((i) => isOpen(i.status)).reduce((sum, i) => sum + i.total_cents, 0)
}
