import { type InvoiceStatus, invoiceStatusTone, shownInvoiceStatus } from '@repo/domain/invoices'
import { Badge } from '@repo/ui/badge'

/**
 * Staff read the status itself ("sent", not the portal's "Due"), with "overdue" as soon as a sent
 * invoice is past its due date: the same rule the overdue count and filter use.
 */
export function InvoiceStatusBadge({ invoice }: { invoice: { status: InvoiceStatus; due_at: string | null } }) {
  const status = shownInvoiceStatus(invoice)
  return (
    <span data-testid="invoice-status">
      <Badge tone={invoiceStatusTone[status]} className="capitalize">
        {status}
      </Badge>
    </span>
  )
}
