'use client'

import { useActionForm } from '@repo/actions/form'
import {
  type DigestFrequency,
  digestFrequencies,
  digestFrequencyLabel,
  digestHourLabel,
} from '@repo/domain/notifications'
import { Button } from '@repo/ui/button'
import { Field } from '@repo/ui/field'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import { useState } from 'react'
import { saveDigestSettingAction } from '@/actions/notifications/notification-actions.ts'

const hours = Array.from({ length: 24 }, (_, h) => h)

/** The signed-in staff member's e-mail of unread notifications: off, hourly or daily at an hour. */
export function DigestForm({
  frequency: savedFrequency,
  hour,
  timeZone,
}: {
  frequency: DigestFrequency
  hour: number
  timeZone: string
}) {
  const [frequency, setFrequency] = useState(savedFrequency)
  const { formProps, pending, fieldError } = useActionForm(saveDigestSettingAction, {
    success: 'Digest setting saved',
  })
  return (
    <form {...formProps} noValidate aria-label="E-mail digest" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          id="digest-frequency"
          label="E-mail me my unread notifications"
          error={fieldError('frequency')}
        >
          {(control) => (
            <NativeSelect
              {...control}
              name="frequency"
              value={frequency}
              onChange={(e) => setFrequency(e.target.value as DigestFrequency)}
            >
              {digestFrequencies.map((f) => (
                <NativeSelectOption key={f} value={f}>
                  {digestFrequencyLabel[f]}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Field
          id="digest-hour"
          label="At"
          hint={`In ${timeZone} time; only for once a day.`}
          error={fieldError('hour')}
        >
          {(control) => (
            <NativeSelect
              {...control}
              name="hour"
              defaultValue={String(hour)}
              disabled={frequency !== 'daily'}
            >
              {hours.map((h) => (
                <NativeSelectOption key={h} value={String(h)}>
                  {digestHourLabel(h)}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          )}
        </Field>
      </div>
      {frequency !== 'daily' ? <input type="hidden" name="hour" value={String(hour)} /> : null}
      <p className="text-sm text-slate-700">
        Only when something is unread; nothing is sent otherwise.
      </p>
      <Button type="submit" pending={pending}>
        Save digest setting
      </Button>
    </form>
  )
}
