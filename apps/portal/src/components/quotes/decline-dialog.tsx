'use client'

import { useActionForm } from '@repo/actions/form'
import { DECLINE_REASON_MAX_CHARS } from '@repo/domain/quotes'
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '@repo/ui/alert-dialog'
import { Button } from '@repo/ui/button'
import { TextAreaField } from '@repo/ui/field'
import type { RefObject } from 'react'
import { declineQuoteAction } from '@/actions/quotes/decline-quote-action'

export interface DeclineDialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  quote: { id: string; number: string }
  businessName: string
  returnFocusTo: RefObject<HTMLElement | null>
}

/** Declining can't be taken back online: it asks for the reason in an alert dialog and sends it. */
export default function DeclineDialog({ open, onOpenChange, quote, businessName, returnFocusTo }: DeclineDialogProps) {
  const { formProps, pending, fieldError } = useActionForm(declineQuoteAction, {
    toInput: (form) => ({ quoteId: quote.id, reason: String(form.get('reason') ?? '') }),
    success: `Quote ${quote.number} declined. Thank you for letting us know.`,
    onSuccess: () => onOpenChange(false),
  })
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent
        // Straight to the reason (Enter there is a new line, never a confirmation).
        onOpenAutoFocus={(event) => {
          event.preventDefault()
          document.getElementById('decline-reason')?.focus()
        }}
        onCloseAutoFocus={(event) => {
          const target = returnFocusTo.current
          if (!target?.isConnected) return
          event.preventDefault()
          target.focus()
        }}
      >
        <form {...formProps} noValidate className="space-y-4">
          <AlertDialogHeader>
            <AlertDialogTitle>Decline quote {quote.number}?</AlertDialogTitle>
            <AlertDialogDescription>
              Your reason goes to {businessName}. Declining can’t be undone online; message us if you change your mind.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <TextAreaField
            id="decline-reason"
            label="Reason"
            name="reason"
            rows={3}
            maxLength={DECLINE_REASON_MAX_CHARS}
            required
            hint="For example: the price, the timing, or we went another way."
            error={fieldError('reason')}
          />
          <AlertDialogFooter>
            <AlertDialogCancel>Keep quote</AlertDialogCancel>
            <Button type="submit" variant="danger" pending={pending}>
              Decline quote
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  )
}
