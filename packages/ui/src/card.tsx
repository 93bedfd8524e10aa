import type { ComponentProps, ReactNode } from 'react'
import { cn } from './cn.ts'

/** A titled group of content. A `<section>`: give it `aria-labelledby` its title's id. */
export function Card({ className, ...rest }: ComponentProps<'section'>) {
  return (
    <section
      data-slot="card"
      className={cn('rounded-xl border border-slate-200 bg-white p-4 shadow-sm', className)}
      {...rest}
    />
  )
}

export interface CardHeaderProps extends Omit<ComponentProps<'div'>, 'title'> {
  /** Shorthand: renders a `CardTitle` with this text (and `id`) and `action` beside it. */
  title?: string | undefined
  action?: ReactNode
}

/** The card's title row: either `title` (+ `action`) or your own `CardTitle`/`CardAction` children. */
export function CardHeader({ title, action, id, className, children, ...rest }: CardHeaderProps) {
  const shorthand = title !== undefined
  return (
    <div
      data-slot="card-header"
      id={shorthand ? undefined : id}
      className={cn('mb-3 flex items-center justify-between gap-2', className)}
      {...rest}
    >
      {shorthand ? <CardTitle id={id}>{title}</CardTitle> : children}
      {shorthand && action ? <CardAction>{action}</CardAction> : null}
    </div>
  )
}

export function CardTitle({ className, ...rest }: ComponentProps<'h2'>) {
  return (
    <h2
      data-slot="card-title"
      className={cn('text-base font-semibold text-slate-900', className)}
      {...rest}
    />
  )
}

export function CardDescription({ className, ...rest }: ComponentProps<'p'>) {
  return (
    <p data-slot="card-description" className={cn('text-sm text-slate-700', className)} {...rest} />
  )
}

/** Something to do with the whole card (a badge, a button), at the end of the header row. */
export function CardAction({ className, ...rest }: ComponentProps<'div'>) {
  return <div data-slot="card-action" className={cn('shrink-0', className)} {...rest} />
}

export function CardContent({ className, ...rest }: ComponentProps<'div'>) {
  return <div data-slot="card-content" className={cn('space-y-3', className)} {...rest} />
}

export function CardFooter({ className, ...rest }: ComponentProps<'div'>) {
  return (
    <div
      data-slot="card-footer"
      className={cn('mt-4 flex items-center gap-2', className)}
      {...rest}
    />
  )
}
