// Toast wording for payments: what a customer is told live (the invoice's own toasts cover new
// and overdue invoices; money received, refused or returned is told here, once).
import type { ChangeEvent, PaymentRow } from '@repo/database/types'
import { formatCents } from '../money/format-cents.ts'
import { type ChangeNotice, oldHas } from '../notice.ts'

export function describePaymentChange(
  event: ChangeEvent,
  row: PaymentRow | null,
  old: Partial<PaymentRow> | null,
  _timeZone?: string,
  currency = 'USD',
): ChangeNotice | null {
  if (!row || event === 'DELETE') return null
  const changed = event === 'INSERT' || !oldHas(old, 'status') || old.status !== row.status
  if (!changed) return null
  const amount = formatCents(row.amount_cents + row.tip_cents, currency)
  switch (row.status) {
    case 'succeeded':
      return {
        type: 'invoice',
        tone: 'success',
        title: 'Payment received',
        description: `${amount} ${row.quote_id && !row.invoice_id ? 'deposit ' : ''}received. Thank you!`,
      }
    case 'failed':
      return {
        type: 'invoice',
        tone: 'warning',
        title: 'Payment failed',
        description: row.failure_message ?? 'The payment did not go through.',
      }
    case 'refunded':
      return { type: 'invoice', tone: 'info', title: 'Payment refunded', description: `${amount} was refunded.` }
    default:
      return null
  }
}
