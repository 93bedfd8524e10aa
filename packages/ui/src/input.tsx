import type { ComponentProps } from 'react'
import { cn } from './cn.ts'
import { controlClass } from './lib/control-class.ts'

/** A text-like `<input>`. Label it: wrap it in `Field` or give it a `Label` with `htmlFor`. */
export function Input({ className, ...rest }: ComponentProps<'input'>) {
  return <input data-slot="input" className={cn(controlClass, className)} {...rest} />
}
