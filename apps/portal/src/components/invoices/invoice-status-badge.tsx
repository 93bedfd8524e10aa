import { type InvoiceStatus, invoiceBadge } from '@repo/domain/invoices'
import { Badge } from '@repo/ui/badge'

/** "Overdue" as soon as a sent invoice is past its due date, "Partially paid" once money came in. */
export function InvoiceStatusBadge({
  invoice,
}: {
  invoice: { status: InvoiceStatus; due_at: string | null; amount_paid_cents?: number; balance_cents?: number }
}) {
  const badge = invoiceBadge(invoice, 'customer')
  return <Badge tone={badge.tone}>{badge.label}</Badge>
}
