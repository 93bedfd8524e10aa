import { Close } from '@radix-ui/react-dialog'
import { XIcon } from 'lucide-react'
import { cn } from '../cn.ts'
import { focusRing } from './control-class.ts'

/** The × in a dialog's or sheet's corner: named "Close" for screen readers, 44 px to tap. */
export function CornerClose({ slot }: { slot: string }) {
  return (
    <Close
      data-slot={slot}
      className={cn(
        'absolute top-2 right-2 inline-flex size-11 items-center justify-center rounded-lg',
        'text-slate-600 hover:bg-slate-100 hover:text-slate-900',
        focusRing,
      )}
    >
      <XIcon aria-hidden="true" className="size-4" />
      <span className="sr-only">Close</span>
    </Close>
  )
}
