'use client'

import { Button } from '@repo/ui/button'
import { TextAreaField } from '@repo/ui/field'
import { type FormEvent, useState, useTransition } from 'react'
import { toast } from 'sonner'
import { cancelAppointmentAction } from '@/actions/appointments/cancel-appointment-action'

export function CancelForm({ jobId, noticeHours }: { jobId: string; noticeHours: number }) {
  const [pending, startTransition] = useTransition()
  const [error, setError] = useState<string | undefined>()

  // onSubmit, not <form action>: React resets an action form afterwards, and a refused
  // cancellation must keep the reason the customer typed.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (pending) return
    const form = new FormData(event.currentTarget)
    startTransition(async () => {
      const result = await cancelAppointmentAction({ jobId, reason: String(form.get('reason') ?? '') })
      // Success is announced by the live status change.
      if (result.ok) setError(undefined)
      else {
        setError(result.fieldErrors?.reason?.[0])
        toast.error(result.error)
      }
    })
  }

  return (
    <form onSubmit={submit} className="space-y-3">
      <p className="text-sm text-slate-700">You can cancel online up to {noticeHours} hours before the appointment.</p>
      <TextAreaField label="Reason" name="reason" rows={2} maxLength={500} required error={error} />
      <Button type="submit" variant="danger" pending={pending}>
        Cancel appointment
      </Button>
    </form>
  )
}
