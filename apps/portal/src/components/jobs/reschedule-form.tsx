'use client'

import { useActionForm } from '@repo/actions/form'
import { fromZonedInputValue } from '@repo/domain/dates'
import { Button } from '@repo/ui/button'
import { TextAreaField, TextField } from '@repo/ui/field'
import { requestRescheduleAction } from '@/actions/appointments/request-reschedule-action'

/** Up to three preferred times (entered in the business's time zone) and a note. */
export function RescheduleForm({ jobId, timeZone }: { jobId: string; timeZone: string }) {
  // A refused request keeps the times and note entered; they are cleared once it is sent.
  const { formProps, pending, fieldError } = useActionForm(requestRescheduleAction, {
    toInput: (form) => ({
      jobId,
      preferredTimes: ['time1', 'time2', 'time3']
        .map((name) => String(form.get(name) ?? ''))
        .filter(Boolean)
        .map((local) => fromZonedInputValue(local, timeZone)),
      note: String(form.get('note') ?? ''),
    }),
    success: 'Reschedule request sent. We will be in touch.',
    resetOnSuccess: true,
  })

  const timesError = fieldError('preferredTimes', { nested: true })
  return (
    <form {...formProps} className="space-y-3">
      <TextField label="Preferred time" name="time1" type="datetime-local" required error={timesError} />
      <TextField label="Another time (optional)" name="time2" type="datetime-local" />
      <TextField label="A third time (optional)" name="time3" type="datetime-local" />
      <TextAreaField label="Note (optional)" name="note" rows={2} maxLength={500} error={fieldError('note')} />
      <Button type="submit" variant="secondary" pending={pending}>
        Request new time
      </Button>
    </form>
  )
}
