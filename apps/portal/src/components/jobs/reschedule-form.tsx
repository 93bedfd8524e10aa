'use client'

import { fromZonedInputValue } from '@repo/domain/dates'
import { Button } from '@repo/ui/button'
import { TextAreaField, TextField } from '@repo/ui/field'
import { type FormEvent, useState, useTransition } from 'react'
import { toast } from 'sonner'
import { requestRescheduleAction } from '@/actions/appointments/request-reschedule-action'

/** Up to three preferred times (entered in the business's time zone) and a note. */
export function RescheduleForm({ jobId, timeZone }: { jobId: string; timeZone: string }) {
  const [pending, startTransition] = useTransition()
  const [errors, setErrors] = useState<Record<string, string[]>>({})

  // onSubmit, not <form action>: React resets an action form afterwards, and a refused request
  // must keep the times and note the customer entered (they are cleared only once it is sent).
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (pending) return
    const element = event.currentTarget
    const form = new FormData(element)
    startTransition(async () => {
      const preferredTimes = ['time1', 'time2', 'time3']
        .map((name) => String(form.get(name) ?? ''))
        .filter(Boolean)
        .map((local) => fromZonedInputValue(local, timeZone))
      const result = await requestRescheduleAction({ jobId, preferredTimes, note: String(form.get('note') ?? '') })
      if (result.ok) {
        setErrors({})
        element.reset()
        toast.success('Reschedule request sent. We will be in touch.')
      } else {
        setErrors(result.fieldErrors ?? {})
        toast.error(result.error)
      }
    })
  }

  const timesError = errors.preferredTimes?.[0] ?? Object.entries(errors).find(([k]) => k.startsWith('preferredTimes.'))?.[1][0]
  return (
    <form onSubmit={submit} className="space-y-3">
      <TextField label="Preferred time" name="time1" type="datetime-local" required error={timesError} />
      <TextField label="Another time (optional)" name="time2" type="datetime-local" />
      <TextField label="A third time (optional)" name="time3" type="datetime-local" />
      <TextAreaField label="Note (optional)" name="note" rows={2} maxLength={500} error={errors.note?.[0]} />
      <Button type="submit" variant="secondary" pending={pending}>
        Request new time
      </Button>
    </form>
  )
}
