import { cn } from './cn.ts'

/** Placeholder block for loading states; hidden from screen readers (the page announces loading). */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn('animate-pulse rounded-lg bg-slate-200', className)} />
}
