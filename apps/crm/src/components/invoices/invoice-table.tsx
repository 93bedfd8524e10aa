import type { InvoiceRow } from '@repo/database/types'
import { formatDate } from '@repo/domain/dates'
import { formatCents } from '@repo/domain/money'
import { EmptyState } from '@repo/ui/empty-state'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@repo/ui/table'
import Link from 'next/link'
import { HistoryLink } from '@/components/audit/history-link.tsx'
import { InvoiceActions } from './invoice-actions.tsx'
import { InvoiceStatusBadge } from './invoice-status-badge.tsx'

export function InvoiceTable({
  invoices,
  customerNames,
  timeZone,
  currency,
}: {
  invoices: InvoiceRow[]
  customerNames?: Record<string, string>
  /** The organization's, for the due dates. */
  timeZone: string
  /** The organization's, for the totals. */
  currency: string
}) {
  if (invoices.length === 0) {
    return <EmptyState title="No invoices here." className="bg-white" />
  }
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
      <Table>
        <TableHeader className="bg-slate-50">
          <TableRow className="hover:bg-transparent">
            <TableHead>Number</TableHead>
            {customerNames ? <TableHead>Customer</TableHead> : null}
            <TableHead>Status</TableHead>
            <TableHead>Due</TableHead>
            <TableHead className="text-right">Total</TableHead>
            <TableHead className="text-right">Balance</TableHead>
            <TableHead>Actions</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {invoices.map((inv) => (
            <TableRow key={inv.id} data-invoice-id={inv.id}>
              <TableCell className="font-medium whitespace-nowrap">
                <Link prefetch={false} href={`/invoices/${inv.id}`} className="text-sky-800 hover:underline">
                  {inv.number}
                </Link>
              </TableCell>
              {customerNames ? (
                <TableCell className="whitespace-nowrap">
                  <Link prefetch={false} href={`/customers/${inv.customer_id}?tab=invoices`} className="text-sky-800 hover:underline">
                    {customerNames[inv.customer_id] ?? 'Customer'}
                  </Link>
                </TableCell>
              ) : null}
              <TableCell>
                <InvoiceStatusBadge invoice={inv} />
              </TableCell>
              <TableCell className="whitespace-nowrap">{formatDate(inv.due_at, timeZone)}</TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">{formatCents(inv.total_cents, currency)}</TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {inv.status === 'void' || inv.status === 'draft' ? '—' : formatCents(Math.max(inv.balance_cents, 0), currency)}
              </TableCell>
              <TableCell>
                <div className="flex flex-wrap items-center gap-2">
                  <InvoiceActions invoice={inv} />
                  <HistoryLink customerId={inv.customer_id} recordId={inv.id} label={`invoice ${inv.number}`} />
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  )
}
