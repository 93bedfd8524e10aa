import type { InvoiceRow } from '@repo/database/types'
import { formatDate } from '@repo/domain/dates'
import { formatCents } from '@repo/domain/money'
import Link from 'next/link'
import { InvoiceActions } from './invoice-actions.tsx'
import { InvoiceStatusBadge } from './invoice-status-badge.tsx'

export function InvoiceTable({
  invoices,
  customerNames,
  timeZone,
}: {
  invoices: InvoiceRow[]
  customerNames?: Record<string, string>
  /** The organization's, for the due dates. */
  timeZone: string
}) {
  if (invoices.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-700">No invoices here.</p>
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2">Number</th>
            {customerNames ? <th scope="col" className="px-3 py-2">Customer</th> : null}
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">Due</th>
            <th scope="col" className="px-3 py-2 text-right">Total</th>
            <th scope="col" className="px-3 py-2">Actions</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((inv) => (
            <tr key={inv.id} data-invoice-id={inv.id} className="border-t border-slate-100">
              <td className="px-3 py-2 font-medium">{inv.number}</td>
              {customerNames ? (
                <td className="px-3 py-2">
                  <Link prefetch={false} href={`/customers/${inv.customer_id}?tab=invoices`} className="text-sky-800 hover:underline">
                    {customerNames[inv.customer_id] ?? 'Customer'}
                  </Link>
                </td>
              ) : null}
              <td className="px-3 py-2">
                <InvoiceStatusBadge status={inv.status} />
              </td>
              <td className="px-3 py-2">{formatDate(inv.due_at, timeZone)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatCents(inv.total_cents)}</td>
              <td className="px-3 py-2">
                <InvoiceActions invoice={inv} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
