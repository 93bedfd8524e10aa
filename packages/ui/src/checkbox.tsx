'use client'

import * as CheckboxPrimitive from '@radix-ui/react-checkbox'
import { CheckIcon } from 'lucide-react'
import type { ComponentProps } from 'react'
import { cn } from './cn.ts'
import { focusRing } from './lib/control-class.ts'

/**
 * A checkbox (role="checkbox", Space toggles) that submits with a form through `name`. The box is
 * 20 px; an invisible margin makes the touch target 44 px. Label it with a `Label htmlFor`.
 */
export function Checkbox({ className, ...rest }: ComponentProps<typeof CheckboxPrimitive.Root>) {
  return (
    <CheckboxPrimitive.Root
      data-slot="checkbox"
      className={cn(
        'peer relative size-5 shrink-0 rounded border border-slate-400 bg-white after:absolute after:-inset-3',
        'data-[state=checked]:border-sky-700 data-[state=checked]:bg-sky-700 data-[state=checked]:text-white',
        'aria-invalid:border-red-700 disabled:cursor-not-allowed disabled:opacity-50',
        focusRing,
        className,
      )}
      {...rest}
    >
      <CheckboxPrimitive.Indicator
        data-slot="checkbox-indicator"
        className="flex items-center justify-center"
      >
        <CheckIcon aria-hidden="true" className="size-3.5" strokeWidth={3} />
      </CheckboxPrimitive.Indicator>
    </CheckboxPrimitive.Root>
  )
}
