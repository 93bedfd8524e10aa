import type { ComponentProps, ReactNode } from 'react'
import { cn } from './cn.ts'

export interface EmptyStateProps extends Omit<ComponentProps<'div'>, 'title'> {
  title: ReactNode
  /** A decorative icon (e.g. a lucide icon); hidden from screen readers. */
  icon?: ReactNode
  /** What the user can do next (a button or link). */
  action?: ReactNode
}

/** What a list shows when there is nothing in it: what is missing and, ideally, what to do. */
export function EmptyState({ title, icon, action, children, className, ...rest }: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn('rounded-xl border border-dashed border-slate-300 p-6 text-center', className)}
      {...rest}
    >
      {icon ? (
        <div
          aria-hidden="true"
          className="mx-auto mb-2 flex justify-center text-slate-500 [&_svg]:size-6"
        >
          {icon}
        </div>
      ) : null}
      <p className="font-medium text-slate-900">{title}</p>
      {children ? <div className="mt-1 text-sm text-slate-700">{children}</div> : null}
      {action ? <div className="mt-4 flex justify-center">{action}</div> : null}
    </div>
  )
}
