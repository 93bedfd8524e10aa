'use client'

import { useActionForm } from '@repo/actions/form'
import { Button } from '@repo/ui/button'
import { DateTimeField } from '@repo/ui/date-time-field'
import { TextAreaField } from '@repo/ui/field'
import { useState } from 'react'
import { requestRescheduleAction } from '@/actions/appointments/request-reschedule-action'

const slots = [
  { name: 'time1', label: 'Preferred time', required: true },
  { name: 'time2', label: 'Another time (optional)', required: false },
  { name: 'time3', label: 'A third time (optional)', required: false },
] as const

type Times = [string | null, string | null, string | null]
const noTimes: Times = [null, null, null]

/**
 * Up to three preferred times and a note. The times are shown and typed in the business's time
 * zone (named beside each field) and posted as instants.
 */
export function RescheduleRequestForm({ jobId, timeZone }: { jobId: string; timeZone: string }) {
  const [times, setTimes] = useState<Times>(noTimes)
  // A refused request keeps the times and note entered; they are cleared once it is sent.
  const { formProps, pending, fieldError } = useActionForm(requestRescheduleAction, {
    toInput: (form) => ({
      jobId,
      preferredTimes: slots.map((slot) => String(form.get(slot.name) ?? '')).filter(Boolean),
      note: String(form.get('note') ?? ''),
    }),
    success: 'Reschedule request sent. We will be in touch.',
    onSuccess: () => setTimes(noTimes),
    resetOnSuccess: true,
  })

  const timesError = fieldError('preferredTimes', { nested: true })
  return (
    <form {...formProps} className="space-y-3">
      {slots.map((slot, index) => (
        <DateTimeField
          key={slot.name}
          label={slot.label}
          name={slot.name}
          required={slot.required}
          timeZone={timeZone}
          value={times[index] ?? null}
          onValueChange={(value) => setTimes((current) => current.map((t, i) => (i === index ? value : t)) as Times)}
          error={index === 0 ? timesError : undefined}
        />
      ))}
      <TextAreaField label="Note (optional)" name="note" rows={2} maxLength={500} error={fieldError('note')} />
      <Button type="submit" variant="secondary" pending={pending}>
        Request new time
      </Button>
    </form>
  )
}
