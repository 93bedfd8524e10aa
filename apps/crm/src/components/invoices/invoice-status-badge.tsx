import type { InvoiceStatus } from '@/lib/invoice-status.ts'

const styles: Record<InvoiceStatus, string> = {
  draft: 'bg-slate-100 text-slate-800',
  sent: 'bg-sky-50 text-sky-900',
  paid: 'bg-emerald-50 text-emerald-900',
  overdue: 'bg-red-50 text-red-900',
  void: 'bg-slate-200 text-slate-700 line-through',
}

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  return (
    <span data-testid="invoice-status" className={`rounded-full px-2 py-0.5 text-xs font-semibold capitalize ${styles[status]}`}>
      {status}
    </span>
  )
}
