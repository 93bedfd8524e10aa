'use client'

import { useActionForm } from '@repo/actions/form'
import { formatCents } from '@repo/domain/money'
import { Button } from '@repo/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@repo/ui/dialog'
import { TextAreaField } from '@repo/ui/field'
import { refundPaymentAction } from '@/actions/payments/refund-payment-action.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'

export interface RefundPaymentDialogProps {
  payment: { id: string; amount_cents: number; tip_cents: number; provider: string | null }
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** Refunds one payment in full, with a reason (a card payment taken online goes back to the card). */
export default function RefundPaymentDialog({
  payment,
  open,
  onOpenChange: setOpen,
}: RefundPaymentDialogProps) {
  const { currency } = useStaffSession()
  const total = formatCents(payment.amount_cents + payment.tip_cents, currency)
  const { formProps, pending, fieldError } = useActionForm(refundPaymentAction, {
    toInput: (form) => ({ paymentId: payment.id, reason: String(form.get('reason') ?? '') }),
    success: `Refunded ${total}`,
    onSuccess: () => setOpen(false),
  })
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Refund {total}?</DialogTitle>
          <DialogDescription>
            {payment.provider
              ? 'The money goes back to the card it was paid with. The invoice is open again for this amount.'
              : 'Record that you gave this money back. The invoice is open again for this amount.'}
          </DialogDescription>
        </DialogHeader>
        <form {...formProps} aria-label="Refund payment" className="space-y-3">
          <TextAreaField
            label="Reason"
            name="reason"
            rows={2}
            maxLength={1000}
            required
            error={fieldError('reason')}
          />
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Keep payment
            </Button>
            <Button type="submit" variant="danger" pending={pending}>
              Refund {total}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  )
}
