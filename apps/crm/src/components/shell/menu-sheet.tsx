'use client'

import { Sheet, SheetContent, SheetDescription, SheetFooter, SheetHeader, SheetTitle } from '@repo/ui/sheet'
import type { ReactNode, RefObject } from 'react'

export interface MenuSheetProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  account?: ReactNode
  /** The menu button: focus goes back to it when the sheet closes. */
  returnFocusTo: RefObject<HTMLButtonElement | null>
  children: ReactNode
}

/** The CRM's sections on small screens, with who is signed in; loaded on the first tap on Menu. */
export default function MenuSheet({ open, onOpenChange, title, account, returnFocusTo, children }: MenuSheetProps) {
  return (
    <Sheet open={open} onOpenChange={onOpenChange}>
      <SheetContent
        side="left"
        className="w-72 max-w-[85vw]"
        onCloseAutoFocus={(event) => {
          event.preventDefault()
          returnFocusTo.current?.focus()
        }}
      >
        <SheetHeader>
          <SheetTitle>{title}</SheetTitle>
          <SheetDescription className="sr-only">Go to a section of the CRM</SheetDescription>
        </SheetHeader>
        {children}
        {account ? <SheetFooter className="border-t border-slate-200 pt-4">{account}</SheetFooter> : null}
      </SheetContent>
    </Sheet>
  )
}
