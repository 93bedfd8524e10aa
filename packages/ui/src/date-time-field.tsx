'use client'

import { type ComponentProps, type ReactNode, useId } from 'react'
import { cn } from './cn.ts'
import { Field } from './field.tsx'
import { controlClass } from './lib/control-class.ts'
import { instantToWallTime, timeZoneNames, wallTimeToInstant } from './lib/zoned-time.ts'

type NativeProps = Omit<
  ComponentProps<'input'>,
  'type' | 'value' | 'defaultValue' | 'onChange' | 'min' | 'max' | 'name'
>

export interface DateTimeInputProps extends NativeProps {
  /** The instant (ISO 8601), or null when empty. */
  value: string | null
  /** Called with the new instant (UTC ISO string), or null while the field is empty or incomplete. */
  onValueChange: (value: string | null) => void
  /** The IANA zone whose wall-clock time is shown and typed, e.g. the business's "America/Chicago". */
  timeZone: string
  /** Earliest and latest allowed instants (ISO 8601). */
  min?: string | undefined
  max?: string | undefined
  /** Submits the instant (not the wall-clock text) with a form under this name. */
  name?: string | undefined
}

/**
 * A native date-time picker that shows and accepts wall-clock time in `timeZone`, whatever zone
 * the browser is in, while its value stays an instant.
 */
export function DateTimeInput({
  value,
  onValueChange,
  timeZone,
  min,
  max,
  name,
  className,
  ...rest
}: DateTimeInputProps) {
  const wallTime = value ? instantToWallTime(value, timeZone) : ''
  return (
    <>
      <input
        type="datetime-local"
        data-slot="date-time-input"
        value={wallTime}
        min={min ? instantToWallTime(min, timeZone) : undefined}
        max={max ? instantToWallTime(max, timeZone) : undefined}
        onChange={(event) => {
          const next = event.currentTarget.value
          // Re-typing the shown time must not move an instant from the repeated fall-back hour.
          if (next !== wallTime) onValueChange(wallTimeToInstant(next, timeZone))
        }}
        className={cn(controlClass, className)}
        {...rest}
      />
      {name ? <input type="hidden" name={name} value={value ?? ''} /> : null}
    </>
  )
}

export interface DateTimeFieldProps extends DateTimeInputProps {
  label: ReactNode
  hint?: ReactNode
  error?: string | undefined
}

/** DateTimeInput with a label, hint or error, and the zone's name beside it (read out too). */
export function DateTimeField({ label, hint, error, id, className, ...input }: DateTimeFieldProps) {
  const fallbackId = useId()
  const controlId = id ?? (input.name ? `field-${input.name}` : fallbackId)
  const zone = timeZoneNames(input.timeZone, input.value)
  return (
    <Field id={controlId} {...{ label, hint, error, className }}>
      {(control) => (
        <div className="flex items-center gap-2">
          <DateTimeInput
            {...input}
            {...control}
            aria-describedby={[`${controlId}-zone`, control['aria-describedby']]
              .filter(Boolean)
              .join(' ')}
          />
          <span id={`${controlId}-zone`} className="shrink-0 text-sm text-slate-700">
            <span aria-hidden="true">{zone.short}</span>
            <span className="sr-only">{zone.long}</span>
          </span>
        </div>
      )}
    </Field>
  )
}
