import { customerInvoiceStatusLabel, type InvoiceStatus, invoiceStatusTone, shownInvoiceStatus } from '@repo/domain/invoices'
import { Badge } from '@repo/ui/badge'

/** "Overdue" as soon as a sent invoice is past its due date (the domain's one definition). */
export function InvoiceStatusBadge({ invoice }: { invoice: { status: InvoiceStatus; due_at: string | null } }) {
  const status = shownInvoiceStatus(invoice)
  return <Badge tone={invoiceStatusTone[status]}>{customerInvoiceStatusLabel[status]}</Badge>
}
