'use client'

import { useActionForm } from '@repo/actions/form'
import { dayKey, fromZonedInputValue } from '@repo/domain/dates'
import { centsToInput, formatCents, parseMoneyToCents } from '@repo/domain/money'
import { paymentMethodLabel, paymentMethods } from '@repo/domain/payments'
import { Button } from '@repo/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@repo/ui/dialog'
import { Field, TextAreaField, TextField } from '@repo/ui/field'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import { recordPaymentAction } from '@/actions/payments/record-payment-action.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'

export interface RecordPaymentDialogProps {
  invoice: { id: string; number: string; balance_cents: number }
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** Money taken outside the portal: amount (the balance by default), how, when, and a note. */
export default function RecordPaymentDialog({ invoice, open, onOpenChange }: RecordPaymentDialogProps) {
  const { currency, timeZone } = useStaffSession()
  const today = dayKey(new Date(), timeZone)
  const { formProps, pending, fieldError } = useActionForm(recordPaymentAction, {
    toInput: (form) => {
      const day = String(form.get('receivedOn') ?? '')
      return {
        invoiceId: invoice.id,
        // An unreadable amount goes through as NaN so the schema names the field.
        amountCents: parseMoneyToCents(String(form.get('amount') ?? '')) ?? Number.NaN,
        method: String(form.get('method') ?? ''),
        receivedAt: day === today ? new Date().toISOString() : fromZonedInputValue(`${day}T12:00`, timeZone),
        note: String(form.get('note') ?? ''),
      }
    },
    success: (data) =>
      data.balanceCents <= 0
        ? `Payment recorded; invoice ${invoice.number} is paid`
        : `Payment recorded; ${formatCents(data.balanceCents, currency)} still due`,
    onSuccess: () => onOpenChange(false),
  })
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Record a payment for {invoice.number}</DialogTitle>
          <DialogDescription>
            {formatCents(invoice.balance_cents, currency)} is due. Record cash, a check, a bank transfer or a card
            terminal payment.
          </DialogDescription>
        </DialogHeader>
        <form {...formProps} aria-label={`Record payment for ${invoice.number}`} className="space-y-3">
          <TextField
            label="Amount"
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={centsToInput(invoice.balance_cents)}
            required
            error={fieldError('amountCents')}
          />
          <Field id="payment-method" label="Method" error={fieldError('method')}>
            {(control) => (
              <NativeSelect {...control} name="method" defaultValue="cash">
                {paymentMethods.map((method) => (
                  <NativeSelectOption key={method} value={method}>
                    {paymentMethodLabel[method]}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            )}
          </Field>
          <TextField label="Received on" name="receivedOn" type="date" defaultValue={today} max={today} required error={fieldError('receivedAt')} />
          <TextAreaField label="Note (optional)" name="note" rows={2} maxLength={1000} hint="Check number, who paid…" error={fieldError('note')} />
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" pending={pending}>
              Record payment
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  )
}
