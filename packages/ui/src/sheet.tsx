'use client'

import * as SheetPrimitive from '@radix-ui/react-dialog'
import { cva } from 'class-variance-authority'
import type { ComponentProps } from 'react'
import { cn } from './cn.ts'
import { CornerClose } from './lib/corner-close.tsx'

// A dialog that slides in from an edge: mobile navigation, filters, a record's side panel.
// Same focus trap, Escape and focus return as Dialog.

export function Sheet(props: ComponentProps<typeof SheetPrimitive.Root>) {
  return <SheetPrimitive.Root data-slot="sheet" {...props} />
}

export function SheetTrigger(props: ComponentProps<typeof SheetPrimitive.Trigger>) {
  return <SheetPrimitive.Trigger data-slot="sheet-trigger" {...props} />
}

export function SheetClose(props: ComponentProps<typeof SheetPrimitive.Close>) {
  return <SheetPrimitive.Close data-slot="sheet-close" {...props} />
}

const sheetVariants = cva('fixed z-50 flex flex-col gap-4 overflow-y-auto bg-white p-4 shadow-lg', {
  variants: {
    side: {
      left: 'inset-y-0 left-0 h-full w-3/4 border-r border-slate-200 sm:max-w-sm',
      right: 'inset-y-0 right-0 h-full w-3/4 border-l border-slate-200 sm:max-w-sm',
      top: 'inset-x-0 top-0 max-h-[80dvh] border-b border-slate-200',
      bottom: 'inset-x-0 bottom-0 max-h-[80dvh] border-t border-slate-200',
    },
  },
  defaultVariants: { side: 'right' },
})

export type SheetSide = 'left' | 'right' | 'top' | 'bottom'

export interface SheetContentProps extends ComponentProps<typeof SheetPrimitive.Content> {
  side?: SheetSide | undefined
}

export function SheetContent({ side = 'right', className, children, ...rest }: SheetContentProps) {
  return (
    <SheetPrimitive.Portal data-slot="sheet-portal">
      <SheetPrimitive.Overlay
        data-slot="sheet-overlay"
        className="fixed inset-0 z-50 bg-slate-900/50"
      />
      <SheetPrimitive.Content
        data-slot="sheet-content"
        data-side={side}
        className={cn(sheetVariants({ side }), className)}
        {...rest}
      >
        {children}
        <CornerClose slot="sheet-close" />
      </SheetPrimitive.Content>
    </SheetPrimitive.Portal>
  )
}

export function SheetHeader({ className, ...rest }: ComponentProps<'div'>) {
  return (
    <div
      data-slot="sheet-header"
      className={cn('flex flex-col gap-1 pr-10', className)}
      {...rest}
    />
  )
}

export function SheetFooter({ className, ...rest }: ComponentProps<'div'>) {
  return (
    <div
      data-slot="sheet-footer"
      className={cn('mt-auto flex flex-col gap-2', className)}
      {...rest}
    />
  )
}

export function SheetTitle({ className, ...rest }: ComponentProps<typeof SheetPrimitive.Title>) {
  return (
    <SheetPrimitive.Title
      data-slot="sheet-title"
      className={cn('text-base font-semibold text-slate-900', className)}
      {...rest}
    />
  )
}

export function SheetDescription({
  className,
  ...rest
}: ComponentProps<typeof SheetPrimitive.Description>) {
  return (
    <SheetPrimitive.Description
      data-slot="sheet-description"
      className={cn('text-sm text-slate-700', className)}
      {...rest}
    />
  )
}
