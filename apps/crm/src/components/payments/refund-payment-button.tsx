'use client'

import { formatCents } from '@repo/domain/money'
import { Button } from '@repo/ui/button'
import { lazy, Suspense, useState } from 'react'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import type { RefundPaymentDialogProps } from './refund-payment-dialog.tsx'

// The dialog and its form load on the first "Refund", not with the invoice page.
const RefundPaymentDialog = lazy(() => import('./refund-payment-dialog.tsx'))

export function RefundPaymentButton({ payment }: { payment: RefundPaymentDialogProps['payment'] }) {
  const { currency } = useStaffSession()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => setOpen(true)}
        aria-label={`Refund ${formatCents(payment.amount_cents + payment.tip_cents, currency)}`}
      >
        Refund
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <RefundPaymentDialog payment={payment} open={open} onOpenChange={setOpen} />
        </Suspense>
      ) : null}
    </>
  )
}
