'use client'

import * as SwitchPrimitive from '@radix-ui/react-switch'
import type { ComponentProps } from 'react'
import { cn } from './cn.ts'
import { focusRing } from './lib/control-class.ts'

/**
 * An on/off switch (role="switch", Space/Enter toggle) for settings that apply at once. 44 px wide;
 * an invisible margin makes it 44 px tall to tap. Label it with a `Label htmlFor`.
 */
export function Switch({ className, ...rest }: ComponentProps<typeof SwitchPrimitive.Root>) {
  return (
    <SwitchPrimitive.Root
      data-slot="switch"
      className={cn(
        'peer relative inline-flex h-6 w-11 shrink-0 items-center rounded-full border-2 border-transparent',
        'after:absolute after:-inset-y-2.5 after:inset-x-0 data-[state=checked]:bg-sky-700 data-[state=unchecked]:bg-slate-300',
        'disabled:cursor-not-allowed disabled:opacity-50',
        focusRing,
        className,
      )}
      {...rest}
    >
      <SwitchPrimitive.Thumb
        data-slot="switch-thumb"
        className="pointer-events-none block size-5 rounded-full bg-white shadow-sm transition-transform data-[state=checked]:translate-x-5 data-[state=unchecked]:translate-x-0"
      />
    </SwitchPrimitive.Root>
  )
}
