'use client'

import type { InvoiceRow } from '@repo/database/types'
import {
  canApplyInvoiceAction,
  invoiceActionDone as done,
  invoiceActionLabel as labels,
  invoiceActions,
} from '@repo/domain/invoices'
import { can } from '@repo/domain/staff'
import { useTransition } from 'react'
import { toast } from 'sonner'
import { invoiceStatusAction } from '@/actions/invoices/invoice-status-action.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'

export function InvoiceActions({ invoice }: { invoice: Pick<InvoiceRow, 'id' | 'status' | 'number'> }) {
  const { role } = useStaffSession()
  const [pending, start] = useTransition()
  if (!can(role, 'invoices.manage')) return null
  const actions = invoiceActions.filter((a) => canApplyInvoiceAction(invoice.status, a))
  return (
    <div className="flex flex-wrap gap-2">
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          disabled={pending}
          aria-label={`${labels[action]} invoice ${invoice.number}`}
          onClick={() =>
            start(async () => {
              const result = await invoiceStatusAction({ invoiceId: invoice.id, action })
              if (result.ok) toast.success(done[action])
              else toast.error(result.error)
            })
          }
          className={`min-h-9 rounded-lg px-3 text-sm disabled:opacity-50 ${
            action === 'void' ? 'border border-red-300 text-red-800' : 'border border-slate-300 hover:bg-slate-50'
          }`}
        >
          {labels[action]}
        </button>
      ))}
    </div>
  )
}
