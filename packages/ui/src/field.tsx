import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react'
import { cn } from './cn.ts'

const control =
  'block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 ' +
  'focus:border-sky-700 focus:outline-2 focus:outline-sky-700 aria-invalid:border-red-700'

interface FieldProps {
  label: string
  name: string
  error?: string | undefined
  hint?: string
}

interface ControlProps {
  id: string
  name: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
  className: string
}

/** Label, control, and a hint or error linked to the control with aria-describedby. */
function LabelledField({
  id,
  label,
  name,
  error,
  hint,
  className,
  children,
}: FieldProps & { id: string; className?: string | undefined; children: (control: ControlProps) => ReactNode }) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined
  return (
    <div className={cn('space-y-1', className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      {children({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, className: control })}
      {hint && !error ? <p id={`${id}-hint`} className="text-sm text-slate-700">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="text-sm text-red-800">{error}</p> : null}
    </div>
  )
}

/** A labelled input whose error is linked with aria-describedby. */
export function TextField({ label, name, error, hint, className, ...rest }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <LabelledField id={rest.id ?? `field-${name}`} {...{ label, name, error, className }} {...(hint ? { hint } : {})}>
      {(controlProps) => <input {...rest} {...controlProps} />}
    </LabelledField>
  )
}

/** A labelled textarea whose error is linked with aria-describedby. */
export function TextAreaField({ label, name, error, hint, className, ...rest }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <LabelledField id={rest.id ?? `field-${name}`} {...{ label, name, error, className }} {...(hint ? { hint } : {})}>
      {(controlProps) => <textarea {...rest} {...controlProps} />}
    </LabelledField>
  )
}
