'use client'

import type { InvoiceRow } from '@repo/database/types'
import { useAction } from '@repo/actions/form'
import { useRef } from 'react'
import { invoiceStatusAction } from '@/actions/invoices/invoice-status-action.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { canApplyInvoiceAction, type InvoiceAction } from '@/lib/invoice-status.ts'
import { can } from '@/lib/permissions.ts'

const labels: Record<InvoiceAction, string> = { send: 'Send', mark_paid: 'Mark paid', void: 'Void' }
const done: Record<InvoiceAction, string> = { send: 'Invoice sent', mark_paid: 'Invoice marked paid', void: 'Invoice voided' }

export function InvoiceActions({ invoice }: { invoice: Pick<InvoiceRow, 'id' | 'status' | 'number'> }) {
  const { role } = useStaffSession()
  const last = useRef<InvoiceAction>('send')
  const { run, pending } = useAction(invoiceStatusAction, { success: () => done[last.current] })
  if (!can(role, 'invoices.manage')) return null
  const actions = (['send', 'mark_paid', 'void'] as const).filter((a) => canApplyInvoiceAction(invoice.status, a))
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
