import type { ComponentProps, ReactNode } from 'react'
import { cn } from './cn.ts'
import { Input } from './input.tsx'
import { Label } from './label.tsx'
import { Textarea } from './textarea.tsx'

/** What `Field` hands its control so the label, hint and error are wired to it. */
export interface FieldControlProps {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

export interface FieldProps {
  /** The control's id; the hint and error ids derive from it. */
  id: string
  label: ReactNode
  hint?: ReactNode
  error?: string | undefined
  className?: string | undefined
  children: (control: FieldControlProps) => ReactNode
}

/**
 * A visible label, the control, and a hint or error linked to the control with aria-describedby
 * (an error also sets aria-invalid). Works for any labelable control: Input, Textarea, a Select
 * trigger, a Checkbox, the date-time field.
 */
export function Field({ id, label, hint, error, className, children }: FieldProps) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined
  return (
    <div data-slot="field" className={cn('space-y-1', className)}>
      <Label htmlFor={id} className="block">
        {label}
      </Label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  )
}

interface LabelledProps {
  label: string
  name: string
  error?: string | undefined
  hint?: string | undefined
}

/** A labelled input whose error is linked with aria-describedby. `className` styles the wrapper. */
export function TextField({
  label,
  name,
  error,
  hint,
  className,
  ...rest
}: LabelledProps & ComponentProps<'input'>) {
  return (
    <Field id={rest.id ?? `field-${name}`} {...{ label, error, hint, className }}>
      {(control) => <Input {...rest} name={name} {...control} />}
    </Field>
  )
}

/** A labelled textarea whose error is linked with aria-describedby. `className` styles the wrapper. */
export function TextAreaField({
  label,
  name,
  error,
  hint,
  className,
  ...rest
}: LabelledProps & ComponentProps<'textarea'>) {
  return (
    <Field id={rest.id ?? `field-${name}`} {...{ label, error, hint, className }}>
      {(control) => <Textarea {...rest} name={name} {...control} />}
    </Field>
  )
}
