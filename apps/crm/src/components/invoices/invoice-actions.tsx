'use client'

import { useAction } from '@repo/actions/form'
import type { InvoiceRow } from '@repo/database/types'
import {
  canApplyInvoiceAction,
  type InvoiceAction,
  invoiceActionDone as done,
  invoiceActionLabel as labels,
  invoiceActions,
} from '@repo/domain/invoices'
import { can } from '@repo/domain/staff'
import { useRef } from 'react'
import { invoiceStatusAction } from '@/actions/invoices/invoice-status-action.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'

export function InvoiceActions({ invoice }: { invoice: Pick<InvoiceRow, 'id' | 'status' | 'number'> }) {
  const { role } = useStaffSession()
  const last = useRef<InvoiceAction>('send')
  const { run, pending } = useAction(invoiceStatusAction, { success: () => done[last.current] })
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
          onClick={() => {
            last.current = action
            run({ invoiceId: invoice.id, action })
          }}
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
