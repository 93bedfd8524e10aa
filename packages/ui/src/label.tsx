import { Root } from '@radix-ui/react-label'
import type { ComponentProps } from 'react'
import { cn } from './cn.ts'

/** A `<label>` (Radix: a double click on it does not select its text). */
export function Label({ className, ...rest }: ComponentProps<typeof Root>) {
  return (
    <Root
      {...rest}
      data-slot="label"
      className={cn(
        'text-sm font-medium text-slate-900 select-none peer-disabled:cursor-not-allowed peer-disabled:opacity-60',
        className,
      )}
    />
  )
}
