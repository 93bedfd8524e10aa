import { Badge } from '@repo/ui/badge'
import { type InvoiceStatus, invoiceStatusLabel, invoiceStatusTone } from '@/lib/invoice-status'

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  return <Badge tone={invoiceStatusTone[status]}>{invoiceStatusLabel[status]}</Badge>
}
