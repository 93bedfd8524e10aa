import type { ComponentProps } from 'react'
import { cn } from './cn.ts'
import { controlClass } from './lib/control-class.ts'

/** A multi-line text control. Label it: wrap it in `Field` or give it a `Label` with `htmlFor`. */
export function Textarea({ className, ...rest }: ComponentProps<'textarea'>) {
  return (
    <textarea data-slot="textarea" className={cn(controlClass, 'min-h-24', className)} {...rest} />
  )
}
