// Invoice actions and the states each one is valid from; totals come from the database, never from here.
export const invoiceStatuses = ['draft', 'sent', 'paid', 'overdue', 'void'] as const
export type InvoiceStatus = (typeof invoiceStatuses)[number]

export const invoiceActions = ['send', 'mark_paid', 'void'] as const
export type InvoiceAction = (typeof invoiceActions)[number]

const from: Record<InvoiceAction, readonly InvoiceStatus[]> = {
  send: ['draft'],
  mark_paid: ['sent', 'overdue'],
  void: ['draft', 'sent', 'overdue'],
}

const to: Record<InvoiceAction, InvoiceStatus> = { send: 'sent', mark_paid: 'paid', void: 'void' }

export function invoiceActionTarget(action: InvoiceAction): InvoiceStatus {
  return to[action]
}

export function canApplyInvoiceAction(status: InvoiceStatus, action: InvoiceAction): boolean {
  return from[action].includes(status)
}

export function formatCents(cents: number): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100)
}
