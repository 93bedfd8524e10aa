'use client'

import { useActionForm } from '@repo/actions/form'
import { Button } from '@repo/ui/button'
import { TextAreaField } from '@repo/ui/field'
import { useRef, useState } from 'react'
import { cancelAppointmentAction } from '@/actions/appointments/cancel-appointment-action'
import { LazyConfirmDialog } from '@repo/ui/lazy-confirm-dialog'

/**
 * The reason, then a confirmation: submitting the form (after the browser has checked the reason)
 * asks "Cancel this appointment?" and only "Cancel appointment" in that dialog sends it.
 */
export function CancelForm({ jobId, noticeHours }: { jobId: string; noticeHours: number }) {
  // Success is announced by the live status change; a refusal keeps the reason typed.
  const { formProps, pending, fieldError } = useActionForm(cancelAppointmentAction, {
    toInput: (form) => ({ jobId, reason: String(form.get('reason') ?? '') }),
  })
  const [confirming, setConfirming] = useState(false)
  const confirmed = useRef(false)
  const form = useRef<HTMLFormElement>(null)
  const submit = useRef<HTMLButtonElement>(null)

  return (
    <form
      {...formProps}
      ref={form}
      onSubmit={(event) => {
        if (confirmed.current) {
          confirmed.current = false
          formProps.onSubmit(event)
          return
        }
        event.preventDefault()
        setConfirming(true)
      }}
      className="space-y-3"
    >
      <p className="text-sm text-slate-700">You can cancel online up to {noticeHours} hours before the appointment.</p>
      <TextAreaField label="Reason" name="reason" rows={2} maxLength={500} required error={fieldError('reason')} />
      <Button ref={submit} type="submit" variant="danger" pending={pending}>
        Cancel appointment
      </Button>
      <LazyConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Cancel this appointment?"
        description="Your reason goes to the team. This can’t be undone online; message us if you change your mind."
        cancelLabel="Keep appointment"
        confirmLabel="Cancel appointment"
        onConfirm={() => {
          confirmed.current = true
          form.current?.requestSubmit()
        }}
        returnFocusTo={submit}
      />
    </form>
  )
}
