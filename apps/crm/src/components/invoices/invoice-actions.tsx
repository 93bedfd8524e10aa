'use client'

import { useAction } from '@repo/actions/form'
import type { InvoiceRow } from '@repo/database/types'
import {
  canApplyInvoiceAction,
  canRecordPayment,
  type InvoiceAction,
  invoiceActionDone as done,
  invoiceActionLabel as labels,
  invoiceActions,
} from '@repo/domain/invoices'
import { can } from '@repo/domain/staff'
import { LazyConfirmDialog } from '@repo/ui/lazy-confirm-dialog'
import { Button } from '@repo/ui/button'
import { lazy, Suspense, useRef, useState } from 'react'
import { invoiceStatusAction } from '@/actions/invoices/invoice-status-action.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'

// The dialog (and its form) loads on the first "Record payment", not with every invoice list.
const RecordPaymentDialog = lazy(() => import('@/components/payments/record-payment-dialog.tsx'))

export function InvoiceActions({
  invoice,
}: {
  invoice: Pick<InvoiceRow, 'id' | 'status' | 'number' | 'balance_cents' | 'amount_paid_cents'>
}) {
  const { role } = useStaffSession()
  const last = useRef<InvoiceAction>('send')
  const [confirming, setConfirming] = useState(false)
  const [recording, setRecording] = useState(false)
  const voidButton = useRef<HTMLButtonElement>(null)
  const { run, pending } = useAction(invoiceStatusAction, { success: () => done[last.current] })
  if (!can(role, 'invoices.manage')) return null
  const actions = invoiceActions.filter((a) => canApplyInvoiceAction(invoice.status, a, invoice.amount_paid_cents))
  const apply = (action: InvoiceAction) => {
    last.current = action
    run({ invoiceId: invoice.id, action })
  }
  return (
    <div className="flex flex-wrap gap-2">
      {canRecordPayment(invoice) ? (
        <Button
          variant="secondary"
          size="sm"
          aria-label={`Record payment for invoice ${invoice.number}`}
          onClick={() => setRecording(true)}
        >
          Record payment
        </Button>
      ) : null}
      {recording ? (
        <Suspense fallback={null}>
          <RecordPaymentDialog invoice={invoice} open={recording} onOpenChange={setRecording} />
        </Suspense>
      ) : null}
      {actions.map((action) =>
        action === 'void' ? (
          // Voiding cannot be undone, so it is confirmed first.
          <Button
            key={action}
            ref={voidButton}
            variant="secondary"
            size="sm"
            disabled={pending}
            aria-label={`${labels[action]} invoice ${invoice.number}`}
            className="border-red-300 text-red-800 hover:bg-red-50"
            onClick={() => setConfirming(true)}
          >
            {labels[action]}
          </Button>
        ) : (
          <Button
            key={action}
            variant="secondary"
            size="sm"
            disabled={pending}
            aria-label={`${labels[action]} invoice ${invoice.number}`}
            onClick={() => apply(action)}
          >
            {labels[action]}
          </Button>
        ),
      )}
      <LazyConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Void invoice ${invoice.number}?`}
        description="The customer will no longer owe it and it cannot be sent or paid again. This cannot be undone."
        cancelLabel="Keep invoice"
        confirmLabel="Void invoice"
        onConfirm={() => apply('void')}
        returnFocusTo={voidButton}
      />
    </div>
  )
}
