// Toast wording for invoices: what a customer is told live.
import type { ChangeEvent, InvoiceRow } from '@repo/database/types'
import { formatCents } from '../money/format-cents.ts'
import { type ChangeNotice, oldHas } from '../notice.ts'
import { isInvoiceVisibleToCustomer } from './invoice-status.ts'

/** New invoices (once sent, never drafts) and overdue notices; null for the rest. */
export function describeInvoiceChange(
  event: ChangeEvent,
  row: InvoiceRow | null,
  old: Partial<InvoiceRow> | null,
  _timeZone?: string,
  currency = 'USD',
): ChangeNotice | null {
  if (!row || !isInvoiceVisibleToCustomer(row.status)) return null
  const statusKnown = oldHas(old, 'status')
  // Realtime sends the old values only to someone who could read the old row: an update whose old
  // status is withheld is a draft the customer could not see until now.
  const becameVisible =
    event === 'INSERT' ||
    (event === 'UPDATE' && (!statusKnown || (old.status === 'draft' && row.status === 'sent')))
  if (becameVisible && row.status !== 'paid') {
    return {
      type: 'invoice',
      tone: 'info',
      title: 'New invoice',
      description: `Invoice ${row.number} for ${formatCents(row.total_cents, currency)}`,
    }
  }
  const changed = event === 'UPDATE' && (statusKnown ? old.status !== row.status : true)
  // Money received is told by the payment itself (payment-notices), once.
  if (row.status === 'overdue' && changed) {
    return {
      type: 'invoice',
      tone: 'warning',
      title: 'Invoice overdue',
      description: `Invoice ${row.number} is past due`,
    }
  }
  return null
}
