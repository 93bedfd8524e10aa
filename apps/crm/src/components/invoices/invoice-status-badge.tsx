import { type InvoiceStatus, invoiceStatusTone } from '@repo/domain/invoices'
import { Badge } from '@repo/ui/badge'

/** Staff read the status itself ("sent", not the portal's "Due"). */
export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  return (
    <span data-testid="invoice-status">
      <Badge tone={invoiceStatusTone[status]} className="capitalize">
        {status}
      </Badge>
    </span>
  )
}
