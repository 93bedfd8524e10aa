'use client'

import type { StaffMemberRow } from '@repo/database/types'
import { parseDayKey } from '@repo/domain/dates'
import { MAX_DURATION_MINUTES, parseTimeOfDay, windowAt } from '@repo/domain/scheduling'
import { Field, TextField } from '@repo/ui/field'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'

/** The "when and who" of a job as typed: technician, day, start time, length in minutes. */
export interface ScheduleValue {
  technicianId: string
  day: string
  time: string
  duration: string
}

export type ScheduleErrors = Partial<Record<keyof ScheduleValue, string>>

export type ScheduleWindow = {
  technicianId: string | null
  scheduledStart: string
  scheduledEnd: string
}

/** The typed fields as the actions' window (in the business's zone), or what is wrong with them. */
export function readSchedule(
  value: ScheduleValue,
  timeZone: string,
): { ok: true; window: ScheduleWindow } | { ok: false; errors: ScheduleErrors } {
  const errors: ScheduleErrors = {}
  const day = parseDayKey(value.day)
  const minute = parseTimeOfDay(value.time)
  const duration = Number(value.duration)
  if (!day) errors.day = 'Enter a date'
  if (minute === null) errors.time = 'Enter a start time'
  if (!Number.isInteger(duration) || duration < 5 || duration > MAX_DURATION_MINUTES) {
    errors.duration = 'Enter 5 minutes to 24 hours (1440 minutes)'
  }
  if (!day || minute === null || errors.duration) return { ok: false, errors }
  return {
    ok: true,
    window: {
      technicianId: value.technicianId || null,
      ...windowAt(day, minute, duration, timeZone),
    },
  }
}

/** The server's field errors on the fields they are about. */
export function serverScheduleErrors(
  fieldError: (name: string) => string | undefined,
): ScheduleErrors {
  return {
    technicianId: fieldError('technicianId'),
    time: fieldError('scheduledStart'),
    duration: fieldError('scheduledEnd'),
  }
}

export function ScheduleFields({
  idPrefix,
  value,
  onChange,
  staff,
  errors,
}: {
  idPrefix: string
  value: ScheduleValue
  onChange: (value: ScheduleValue) => void
  staff: StaffMemberRow[]
  errors: ScheduleErrors
}) {
  const set = (key: keyof ScheduleValue) => (event: { currentTarget: { value: string } }) =>
    onChange({ ...value, [key]: event.currentTarget.value })
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field
        id={`${idPrefix}-technician`}
        label="Technician"
        error={errors.technicianId}
        className="sm:col-span-2"
      >
        {(control) => (
          <NativeSelect {...control} value={value.technicianId} onChange={set('technicianId')}>
            <NativeSelectOption value="">Unassigned</NativeSelectOption>
            {staff.map((s) => (
              <NativeSelectOption key={s.id} value={s.id}>
                {s.full_name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        )}
      </Field>
      <TextField
        id={`${idPrefix}-day`}
        label="Date"
        name="day"
        type="date"
        required
        value={value.day}
        onChange={set('day')}
        error={errors.day}
      />
      <TextField
        id={`${idPrefix}-time`}
        label="Start time"
        name="time"
        type="time"
        step={900}
        required
        value={value.time}
        onChange={set('time')}
        error={errors.time}
      />
      <TextField
        id={`${idPrefix}-duration`}
        label="Duration (minutes)"
        name="duration"
        type="number"
        inputMode="numeric"
        min={5}
        max={MAX_DURATION_MINUTES}
        step={15}
        required
        value={value.duration}
        onChange={set('duration')}
        error={errors.duration}
        className="sm:col-span-2"
      />
    </div>
  )
}
