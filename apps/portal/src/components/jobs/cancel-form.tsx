'use client'

import { Button } from '@repo/ui/button'
import { TextAreaField } from '@repo/ui/field'
import { useActionForm } from '@repo/actions/form'
import { cancelAppointmentAction } from '@/actions/appointments/cancel-appointment-action'

export function CancelForm({ jobId, noticeHours }: { jobId: string; noticeHours: number }) {
  // Success is announced by the live status change; a refusal keeps the reason typed.
  const { formProps, pending, fieldError } = useActionForm(cancelAppointmentAction, {
    toInput: (form) => ({ jobId, reason: String(form.get('reason') ?? '') }),
  })

  return (
    <form {...formProps} className="space-y-3">
      <p className="text-sm text-slate-700">You can cancel online up to {noticeHours} hours before the appointment.</p>
      <TextAreaField label="Reason" name="reason" rows={2} maxLength={500} required error={fieldError('reason')} />
      <Button type="submit" variant="danger" pending={pending}>
        Cancel appointment
      </Button>
    </form>
  )
}
