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
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@repo/ui/alert-dialog'
import { Button } from '@repo/ui/button'
import { useRef } from 'react'
import { invoiceStatusAction } from '@/actions/invoices/invoice-status-action.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'

export function InvoiceActions({ invoice }: { invoice: Pick<InvoiceRow, 'id' | 'status' | 'number'> }) {
  const { role } = useStaffSession()
  const last = useRef<InvoiceAction>('send')
  const { run, pending } = useAction(invoiceStatusAction, { success: () => done[last.current] })
  if (!can(role, 'invoices.manage')) return null
  const actions = invoiceActions.filter((a) => canApplyInvoiceAction(invoice.status, a))
  const apply = (action: InvoiceAction) => {
    last.current = action
    run({ invoiceId: invoice.id, action })
  }
  return (
    <div className="flex gap-2">
      {actions.map((action) =>
        action === 'void' ? (
          // Voiding cannot be undone, so it is confirmed first.
          <AlertDialog key={action}>
            <AlertDialogTrigger asChild>
              <Button
                variant="secondary"
                size="sm"
                disabled={pending}
                aria-label={`${labels[action]} invoice ${invoice.number}`}
                className="border-red-300 text-red-800 hover:bg-red-50"
              >
                {labels[action]}
              </Button>
            </AlertDialogTrigger>
            <AlertDialogContent>
              <AlertDialogHeader>
                <AlertDialogTitle>Void invoice {invoice.number}?</AlertDialogTitle>
                <AlertDialogDescription>
                  The customer will no longer owe it and it cannot be sent or paid again. This cannot be undone.
                </AlertDialogDescription>
              </AlertDialogHeader>
              <AlertDialogFooter>
                <AlertDialogCancel>Keep invoice</AlertDialogCancel>
                <AlertDialogAction onClick={() => apply(action)}>Void invoice</AlertDialogAction>
              </AlertDialogFooter>
            </AlertDialogContent>
          </AlertDialog>
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
    </div>
  )
}
