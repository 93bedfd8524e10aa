import type { InvoiceRow } from '@repo/database/types'
import { formatDate } from '@repo/domain/dates'
import { formatCents } from '@repo/domain/money'
import { Card } from '@repo/ui/card'
import { EmptyState } from '@repo/ui/empty-state'
import Link from 'next/link'
import { InvoiceStatusBadge } from './invoice-status-badge'

export function InvoiceList({ invoices, timeZone, currency }: { invoices: InvoiceRow[]; timeZone: string; currency: string }) {
  if (invoices.length === 0) return <EmptyState title="No invoices yet">Invoices appear here as soon as we send them.</EmptyState>
  return (
    <Card className="overflow-hidden p-0">
      <ul className="divide-y divide-slate-200">
        {invoices.map((invoice) => (
          <li key={invoice.id}>
            <Link
              href={`/invoices/${invoice.id}`}
              className="flex min-h-14 items-center justify-between gap-3 p-4 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-700"
              data-testid="invoice-row"
            >
              <span className="min-w-0">
                <span className="block font-medium text-slate-900">Invoice {invoice.number}</span>
                <span className="block text-sm text-slate-700">
                  {invoice.status === 'paid' ? `Paid ${formatDate(invoice.paid_at, timeZone)}` : `Due ${formatDate(invoice.due_at, timeZone)}`}
                </span>
              </span>
              <span className="flex shrink-0 flex-col items-end gap-1">
                <span className="font-semibold tabular-nums">{formatCents(invoice.total_cents, currency)}</span>
                <InvoiceStatusBadge invoice={invoice} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  )
}
