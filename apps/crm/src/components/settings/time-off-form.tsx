'use client'

import { useActionForm } from '@repo/actions/form'
import type { StaffMemberRow } from '@repo/database/types'
import { MAX_TIME_OFF_REASON_CHARS } from '@repo/domain/availability'
import { dayKey } from '@repo/domain/dates'
import { Button } from '@repo/ui/button'
import { Checkbox } from '@repo/ui/checkbox'
import { Field, TextField } from '@repo/ui/field'
import { Label } from '@repo/ui/label'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import { useState } from 'react'
import { addTimeOffAction } from '@/actions/availability/availability-actions.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'

const text = (form: FormData, name: string) => String(form.get(name) ?? '')

/** Time off for a technician: whole days (first to last), or a day with start and end times. */
export function TimeOffForm({
  technicians,
  defaultStaffId,
}: {
  technicians: StaffMemberRow[]
  defaultStaffId: string | null
}) {
  const { timeZone } = useStaffSession()
  const [allDay, setAllDay] = useState(true)
  const today = dayKey(new Date(), timeZone)
  const { formProps, pending, fieldError } = useActionForm(addTimeOffAction, {
    toInput: (form: FormData) => ({
      staffMemberId: text(form, 'staffMemberId'),
      allDay,
      firstDay: text(form, 'firstDay'),
      lastDay: text(form, 'lastDay'),
      day: text(form, 'day'),
      startTime: text(form, 'startTime'),
      endTime: text(form, 'endTime'),
      reason: text(form, 'reason'),
    }),
    success: 'Time off added',
    resetOnSuccess: true,
  })
  return (
    <form
      {...formProps}
      noValidate
      aria-label="Add time off"
      className="space-y-3 rounded-xl border border-sky-200 bg-sky-50/40 p-3 sm:p-4"
    >
      <h3 className="font-semibold">Add time off</h3>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="time-off-staff" label="Technician" error={fieldError('staffMemberId')}>
          {(control) => (
            <NativeSelect
              {...control}
              name="staffMemberId"
              defaultValue={defaultStaffId ?? technicians[0]?.id}
            >
              {technicians.map((t) => (
                <NativeSelectOption key={t.id} value={t.id}>
                  {t.full_name}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          )}
        </Field>
        <div className="flex min-h-11 items-center gap-3 sm:mt-6">
          <Checkbox
            id="time-off-all-day"
            checked={allDay}
            onCheckedChange={(checked) => setAllDay(checked === true)}
          />
          <Label htmlFor="time-off-all-day" className="font-normal">
            Whole days
          </Label>
        </div>
      </div>
      {allDay ? (
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <TextField
            label="First day"
            name="firstDay"
            type="date"
            min={today}
            defaultValue={today}
            error={fieldError('firstDay')}
          />
          <TextField
            label="Last day"
            name="lastDay"
            type="date"
            min={today}
            defaultValue={today}
            error={fieldError('lastDay')}
          />
        </div>
      ) : (
        <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-4">
          <TextField
            label="Day"
            name="day"
            type="date"
            min={today}
            defaultValue={today}
            error={fieldError('day')}
          />
          <TextField
            label="From"
            name="startTime"
            type="time"
            step={900}
            defaultValue="09:00"
            error={fieldError('startTime')}
          />
          <TextField
            label="To"
            name="endTime"
            type="time"
            step={900}
            defaultValue="13:00"
            error={fieldError('endTime')}
          />
        </div>
      )}
      <TextField
        label="Reason (optional)"
        name="reason"
        maxLength={MAX_TIME_OFF_REASON_CHARS}
        placeholder="e.g. Vacation, dentist"
        hint={`Times are ${timeZone} time.`}
        error={fieldError('reason')}
      />
      <Button type="submit" pending={pending}>
        Add time off
      </Button>
    </form>
  )
}
