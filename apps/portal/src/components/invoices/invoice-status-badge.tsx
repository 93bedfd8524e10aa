import { customerInvoiceStatusLabel, type InvoiceStatus, invoiceStatusTone } from '@repo/domain/invoices'
import { Badge } from '@repo/ui/badge'

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  return <Badge tone={invoiceStatusTone[status]}>{customerInvoiceStatusLabel[status]}</Badge>
}
