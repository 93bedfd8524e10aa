import { Slot } from '@radix-ui/react-slot'
import { cva } from 'class-variance-authority'
import type { ComponentProps } from 'react'
import { cn } from './cn.ts'

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger'

// Dark text on light fills keeps WCAG AA contrast at small sizes.
const tones = {
  neutral: 'bg-slate-100 text-slate-800',
  info: 'bg-sky-100 text-sky-900',
  success: 'bg-emerald-100 text-emerald-900',
  warning: 'bg-amber-100 text-amber-900',
  danger: 'bg-red-100 text-red-900',
} satisfies Record<BadgeTone, string>

export const badgeVariants = cva(
  'inline-flex w-fit shrink-0 items-center gap-1 whitespace-nowrap rounded-full px-2.5 py-0.5 ' +
    'text-xs font-medium [&>svg]:pointer-events-none [&>svg]:size-3',
  { variants: { tone: tones }, defaultVariants: { tone: 'neutral' } },
)

export interface BadgeProps extends ComponentProps<'span'> {
  tone?: BadgeTone | undefined
  /** Renders the single child element (a link, say) with the badge's look. */
  asChild?: boolean | undefined
}

/** A short status label; the tone carries meaning, so the text must say the same in words. */
export function Badge({ tone = 'neutral', asChild = false, className, ...rest }: BadgeProps) {
  const Comp = asChild ? Slot : 'span'
  return (
    <Comp
      data-slot="badge"
      data-tone={tone}
      className={cn(badgeVariants({ tone }), className)}
      {...rest}
    />
  )
}
