'use client'

import { useActionForm } from '@repo/actions/form'
import type { ActionFailure } from '@repo/actions/result'
import { formatCents } from '@repo/domain/money'
import { approvalAgreement, QUOTE_CHANGED_HINT, QUOTE_CHANGED_MESSAGE, SIGNER_NAME_MIN_CHARS } from '@repo/domain/quotes'
import { Button } from '@repo/ui/button'
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogHeader, DialogTitle } from '@repo/ui/dialog'
import { TextField } from '@repo/ui/field'
import { useRouter } from 'next/navigation'
import { type RefObject, useRef, useState } from 'react'
import { approveQuoteAction } from '@/actions/quotes/approve-quote-action'
import { SignaturePad, type SignaturePadHandle } from './signature-pad'

/** What the customer is approving, fixed when the dialog opens: the page behind may change. */
export interface ApprovalSnapshot {
  version: number
  chosen: string[]
  /** The chosen options and add-ons, in words. */
  choices: string[]
  totalCents: number
  depositCents: number
}

export interface ApproveDialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  quote: { id: string; number: string }
  snapshot: ApprovalSnapshot
  /** The version on the page now (live): another one than the snapshot's means it changed. */
  currentVersion: number
  depositRule: string | null
  currency: string
  returnFocusTo: RefObject<HTMLElement | null>
}

function isChangedQuote(failure: ActionFailure) {
  return failure.fieldErrors?.version !== undefined || failure.error.startsWith(QUOTE_CHANGED_MESSAGE)
}

const nameMessage = 'Type your full name to sign.'

/**
 * Approve with a typed name and a drawn signature. The version signed is the one the dialog opened
 * with; if staff change the quote meanwhile (seen live, or refused by the database) the dialog says
 * so and sends the customer back to the new version. One approval per click: a second click while
 * the first is on its way does nothing.
 */
export default function ApproveDialog({
  open,
  onOpenChange,
  quote,
  snapshot,
  currentVersion,
  depositRule,
  currency,
  returnFocusTo,
}: ApproveDialogProps) {
  const router = useRouter()
  const pad = useRef<SignaturePadHandle>(null)
  const [name, setName] = useState('')
  const [nameTouched, setNameTouched] = useState(false)
  const [hasInk, setHasInk] = useState(false)
  const [inkCleared, setInkCleared] = useState(false)
  const [refusedAsChanged, setRefusedAsChanged] = useState(false)
  // Set on the first submit, before React re-renders the button as busy: a double click sends once.
  const inFlight = useRef(false)

  const { formProps, pending, fieldError, result } = useActionForm(approveQuoteAction, {
    toInput: (form) => ({
      quoteId: quote.id,
      version: snapshot.version,
      selectedLineIds: snapshot.chosen,
      totalCents: snapshot.totalCents,
      signerName: String(form.get('signerName') ?? ''),
      signaturePng: pad.current?.toPng() ?? '',
    }),
    success: `Quote ${quote.number} approved. Thank you!`,
    // Shown in the dialog, next to what can be fixed.
    failure: false,
    onSuccess: () => {
      inFlight.current = false
      onOpenChange(false)
    },
    onFailure: (failure) => {
      inFlight.current = false
      if (isChangedQuote(failure)) setRefusedAsChanged(true)
      // Whatever the refusal, the page shows the quote as it is now.
      router.refresh()
    },
  })

  const changed = refusedAsChanged || currentVersion !== snapshot.version
  const nameOk = name.trim().length >= SIGNER_NAME_MIN_CHARS
  const ready = nameOk && hasInk && !changed
  const nameError = nameTouched && !nameOk ? nameMessage : nameOk ? undefined : fieldError('signerName')
  const signatureError = hasInk ? undefined : inkCleared ? 'Draw your signature in the box.' : fieldError('signaturePng')
  const missing = [nameOk ? null : 'type your full name', hasInk ? null : 'draw your signature'].filter(Boolean)
  const otherError = result && !result.ok && !changed && !result.fieldErrors ? result.error : null

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        aria-describedby="approve-agreement"
        onCloseAutoFocus={(event) => {
          const target = returnFocusTo.current
          if (!target?.isConnected) return
          event.preventDefault()
          target.focus()
        }}
      >
        <DialogHeader>
          <DialogTitle>Approve quote {quote.number}</DialogTitle>
        </DialogHeader>
        <form
          {...formProps}
          noValidate
          className="space-y-4"
          onSubmit={(event) => {
            if (inFlight.current || !ready) {
              event.preventDefault()
              return
            }
            inFlight.current = true
            formProps.onSubmit(event)
          }}
        >
          <div className="rounded-lg bg-slate-50 p-3 text-sm">
            {snapshot.choices.length > 0 ? <p className="text-slate-700">Your choice: {snapshot.choices.join(' · ')}</p> : null}
            <p className="mt-1 flex justify-between gap-2 text-base font-semibold tabular-nums">
              <span>Total</span>
              <span data-testid="approve-total">{formatCents(snapshot.totalCents, currency)}</span>
            </p>
            {snapshot.depositCents > 0 ? (
              <p className="flex justify-between gap-2 tabular-nums text-slate-700">
                <span>Due on approval{depositRule ? ` (${depositRule})` : ''}</span>
                <span>{formatCents(snapshot.depositCents, currency)}</span>
              </p>
            ) : null}
          </div>

          <TextField
            label="Your full name"
            name="signerName"
            autoComplete="name"
            maxLength={200}
            value={name}
            onChange={(event) => setName(event.target.value)}
            onBlur={() => setNameTouched(true)}
            error={nameError}
            disabled={changed}
          />

          <div className="space-y-1">
            <p id="signature-label" className="text-sm font-medium text-slate-900">
              Your signature
            </p>
            <SignaturePad
              ref={pad}
              labelledBy="signature-label"
              describedBy={signatureError ? 'signature-error' : 'signature-hint'}
              invalid={signatureError !== undefined}
              onInkChange={(ink) => {
                setHasInk(ink)
                if (!ink) setInkCleared(true)
              }}
            />
            {signatureError ? (
              <p id="signature-error" className="text-sm text-red-800">
                {signatureError}
              </p>
            ) : (
              <p id="signature-hint" className="text-sm text-slate-700">
                Sign in the box with your mouse, finger or pen.
              </p>
            )}
            <div className="flex flex-wrap gap-x-2">
              <Button variant="link" size="sm" className="px-0" disabled={!hasInk || changed} onClick={() => pad.current?.clear()}>
                Clear
              </Button>
              <Button
                variant="link"
                size="sm"
                className="px-0"
                disabled={!nameOk || changed}
                onClick={() => pad.current?.signWithText(name)}
              >
                Sign with my typed name instead
              </Button>
            </div>
          </div>

          <p id="approve-agreement" className="text-sm font-medium text-slate-900">
            {approvalAgreement({ number: quote.number, version: snapshot.version }, snapshot.totalCents, currency)}
          </p>

          {changed ? (
            <p role="alert" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
              {QUOTE_CHANGED_MESSAGE}
              {currentVersion !== snapshot.version ? `: it is now version ${currentVersion}` : ''}. {QUOTE_CHANGED_HINT}
            </p>
          ) : otherError ? (
            <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-900">
              {otherError}
            </p>
          ) : null}

          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">{changed ? 'Close' : 'Cancel'}</Button>
            </DialogClose>
            {/* Distinct keys: a click meant for Approve never lands on its replacement. */}
            {changed ? (
              <Button key="review" onClick={() => onOpenChange(false)}>
                Review the new version
              </Button>
            ) : (
              <Button
                key="approve"
                type="submit"
                disabled={!ready}
                pending={pending}
                aria-describedby={ready ? undefined : 'approve-missing'}
              >
                Approve
              </Button>
            )}
          </DialogFooter>
          {!ready && !changed ? (
            <p id="approve-missing" className="text-right text-sm text-slate-700" aria-live="polite">
              To approve, {missing.join(' and ')}.
            </p>
          ) : null}
        </form>
      </DialogContent>
    </Dialog>
  )
}
