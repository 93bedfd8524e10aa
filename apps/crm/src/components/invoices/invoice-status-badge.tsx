import { type InvoiceStatus, invoiceBadge } from '@repo/domain/invoices'
import { Badge } from '@repo/ui/badge'

/**
 * Staff read the status itself ("Sent", not the portal's "Due"), with "Overdue" as soon as a sent
 * invoice is past its due date (the rule the overdue count and filter use) and "Partially paid".
 */
export function InvoiceStatusBadge({
  invoice,
}: {
  invoice: { status: InvoiceStatus; due_at: string | null; amount_paid_cents?: number; balance_cents?: number }
}) {
  const badge = invoiceBadge(invoice, 'staff')
  return (
    <span data-testid="invoice-status">
      <Badge tone={badge.tone}>{badge.label}</Badge>
    </span>
  )
}
