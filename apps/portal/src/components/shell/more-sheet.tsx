'use client'

import { cn } from '@repo/ui/cn'
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from '@repo/ui/sheet'
import Link from 'next/link'
import type { RefObject } from 'react'

export interface MoreSheetProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  items: ReadonlyArray<{ href: string; label: string; active: boolean }>
  /** The "More" tab: focus goes back to it when the sheet closes. */
  returnFocusTo: RefObject<HTMLButtonElement | null>
}

/** The pages that do not fit the phone's tab bar, in a sheet from the bottom. */
export default function MoreSheet({ open, onOpenChange, items, returnFocusTo }: MoreSheetProps) {
  return (
    <Sheet open={open} onOpenChange={onOpenChange}>
      <SheetContent
        id="more-sheet"
        side="bottom"
        className="pb-[max(1rem,env(safe-area-inset-bottom))]"
        onCloseAutoFocus={(event) => {
          event.preventDefault()
          returnFocusTo.current?.focus()
        }}
      >
        <SheetHeader>
          <SheetTitle>More</SheetTitle>
          <SheetDescription className="sr-only">The rest of your account.</SheetDescription>
        </SheetHeader>
        <nav aria-label="More pages">
          <ul className="space-y-1">
            {items.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={item.active ? 'page' : undefined}
                  onClick={() => onOpenChange(false)}
                  className={cn(
                    'flex min-h-12 items-center rounded-lg px-3 text-base font-medium',
                    'focus-visible:outline-2 focus-visible:outline-sky-700',
                    item.active ? 'bg-sky-100 text-sky-800' : 'text-slate-900 hover:bg-slate-100',
                  )}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </SheetContent>
    </Sheet>
  )
}
