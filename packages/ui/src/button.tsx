import { Slot, Slottable } from '@radix-ui/react-slot'
import { cva, type VariantProps } from 'class-variance-authority'
import type { ComponentProps } from 'react'
import { cn } from './cn.ts'
import { focusRing } from './lib/control-class.ts'

export const buttonVariants = cva(
  [
    'inline-flex shrink-0 items-center justify-center gap-2 whitespace-nowrap rounded-lg text-sm font-semibold',
    'transition-colors disabled:cursor-not-allowed aria-disabled:pointer-events-none aria-disabled:opacity-60',
    '[&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*=size-])]:size-4',
    focusRing,
  ],
  {
    variants: {
      variant: {
        primary: 'bg-sky-700 text-white hover:bg-sky-800 disabled:bg-sky-700/60',
        secondary:
          'border border-slate-300 bg-white text-slate-900 hover:bg-slate-50 disabled:text-slate-500',
        danger: 'bg-red-700 text-white hover:bg-red-800 disabled:bg-red-700/60',
        ghost: 'text-slate-700 hover:bg-slate-100 disabled:text-slate-400',
        link: 'text-sky-800 underline-offset-4 hover:underline disabled:text-slate-500',
      },
      size: {
        // 44 px: the smallest comfortable touch target. `sm` is for dense desktop rows and grows
        // back to 44 px on touch screens.
        default: 'min-h-11 px-4',
        sm: 'min-h-9 px-3 pointer-coarse:min-h-11',
        lg: 'min-h-12 px-6 text-base',
        icon: 'size-11',
      },
    },
    defaultVariants: { variant: 'primary', size: 'default' },
  },
)

export type ButtonVariant = NonNullable<VariantProps<typeof buttonVariants>['variant']>
export type ButtonSize = NonNullable<VariantProps<typeof buttonVariants>['size']>

export interface ButtonProps extends ComponentProps<'button'> {
  variant?: ButtonVariant | undefined
  size?: ButtonSize | undefined
  /** Shows a spinner, sets `aria-busy` and blocks clicks, so a double click submits once. */
  pending?: boolean | undefined
  /** Renders the single child element (a link, say) with the button's look and behaviour. */
  asChild?: boolean | undefined
}

/** Busy indicator drawn with CSS: the button is on every page, so it carries no icon code. */
function Spinner() {
  return (
    <span
      aria-hidden="true"
      data-slot="spinner"
      className="size-4 shrink-0 animate-spin rounded-full border-2 border-current border-r-transparent"
    />
  )
}

export function Button({
  variant = 'primary',
  size = 'default',
  pending = false,
  asChild = false,
  disabled = false,
  className,
  children,
  ...rest
}: ButtonProps) {
  const inactive = disabled || pending
  const Comp = asChild ? Slot : 'button'
  // A link has no `disabled`: it gets aria-disabled, leaves the tab order and ignores pointer
  // events. Attributes only, so the button stays usable from Server Components.
  const state = asChild
    ? { 'aria-disabled': inactive || undefined, tabIndex: inactive ? -1 : rest.tabIndex }
    : { type: rest.type ?? 'button', disabled: inactive }
  return (
    <Comp
      data-slot="button"
      data-variant={variant}
      data-size={size}
      {...rest}
      {...state}
      aria-busy={pending || undefined}
      className={cn(buttonVariants({ variant, size }), className)}
    >
      {pending ? <Spinner /> : null}
      <Slottable>{children}</Slottable>
    </Comp>
  )
}
