import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react'
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

/** A labelled input whose error is linked with aria-describedby. */
export function TextField({ label, name, error, hint, className, ...rest }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = rest.id ?? `field-${name}`
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined
  return (
    <div className={cn('space-y-1', className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      <input {...rest} id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={control} />
      {hint && !error ? <p id={`${id}-hint`} className="text-sm text-slate-700">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="text-sm text-red-800">{error}</p> : null}
    </div>
  )
}

export function TextAreaField({ label, name, error, hint, className, ...rest }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = rest.id ?? `field-${name}`
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined
  return (
    <div className={cn('space-y-1', className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      <textarea {...rest} id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={control} />
      {hint && !error ? <p id={`${id}-hint`} className="text-sm text-slate-700">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="text-sm text-red-800">{error}</p> : null}
    </div>
  )
}
