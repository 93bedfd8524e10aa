import type { ComponentProps } from 'react'
import { cn } from './cn.ts'

/** A data table; the wrapper scrolls sideways on narrow screens instead of the whole page. */
export function Table({ className, ...rest }: ComponentProps<'table'>) {
  return (
    <div data-slot="table-container" className="relative w-full overflow-x-auto">
      <table
        data-slot="table"
        className={cn('w-full caption-bottom text-sm', className)}
        {...rest}
      />
    </div>
  )
}

export function TableHeader({ className, ...rest }: ComponentProps<'thead'>) {
  return <thead data-slot="table-header" className={cn('[&_tr]:border-b', className)} {...rest} />
}

export function TableBody({ className, ...rest }: ComponentProps<'tbody'>) {
  return (
    <tbody
      data-slot="table-body"
      className={cn('[&_tr:last-child]:border-0', className)}
      {...rest}
    />
  )
}

export function TableFooter({ className, ...rest }: ComponentProps<'tfoot'>) {
  return (
    <tfoot
      data-slot="table-footer"
      className={cn('border-t border-slate-200 bg-slate-50 font-medium', className)}
      {...rest}
    />
  )
}

export function TableRow({ className, ...rest }: ComponentProps<'tr'>) {
  return (
    <tr
      data-slot="table-row"
      className={cn(
        'border-b border-slate-200 hover:bg-slate-50 data-[state=selected]:bg-sky-50',
        className,
      )}
      {...rest}
    />
  )
}

/** A header cell; `scope` defaults to "col" (pass "row" for a row header). */
export function TableHead({ className, scope = 'col', ...rest }: ComponentProps<'th'>) {
  return (
    <th
      data-slot="table-head"
      scope={scope}
      className={cn(
        'h-10 px-3 text-left align-middle font-semibold whitespace-nowrap text-slate-700',
        className,
      )}
      {...rest}
    />
  )
}

export function TableCell({ className, ...rest }: ComponentProps<'td'>) {
  return (
    <td
      data-slot="table-cell"
      className={cn('px-3 py-2 align-middle text-slate-900', className)}
      {...rest}
    />
  )
}

export function TableCaption({ className, ...rest }: ComponentProps<'caption'>) {
  return (
    <caption
      data-slot="table-caption"
      className={cn('mt-3 text-sm text-slate-700', className)}
      {...rest}
    />
  )
}
