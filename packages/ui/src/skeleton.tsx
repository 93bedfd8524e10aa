import type { ComponentProps } from 'react'
import { cn } from './cn.ts'

/** Placeholder block for loading states; hidden from screen readers (the page announces loading). */
export function Skeleton({ className, ...rest }: ComponentProps<'div'>) {
  return (
    <div
      aria-hidden="true"
      data-slot="skeleton"
      className={cn('animate-pulse rounded-lg bg-slate-200', className)}
      {...rest}
    />
  )
}
