import { ChevronDownIcon } from 'lucide-react'
import type { ComponentProps } from 'react'
import { cn } from './cn.ts'
import { controlClass } from './lib/control-class.ts'

// The browser's own <select>, in the kit's look: for plain forms that submit a value, for compact
// choices in a table row, and wherever the platform picker is best (phones). Label it with `Field`
// or a `Label`; everything the select element takes (name, value, onChange, disabled) passes through.

export type NativeSelectSize = 'default' | 'sm'

export interface NativeSelectProps extends Omit<ComponentProps<'select'>, 'size'> {
  /** `default`: a 44 px form control as wide as its column; `sm`: 36 px (44 px on touch), as wide as its text. */
  size?: NativeSelectSize | undefined
  /** Classes for the wrapper that holds the select and its chevron (width, margins). */
  wrapperClassName?: string | undefined
}

export function NativeSelect({
  size = 'default',
  className,
  wrapperClassName,
  ...rest
}: NativeSelectProps) {
  return (
    <div
      data-slot="native-select-wrapper"
      className={cn('relative', size === 'sm' ? 'inline-block w-fit' : 'block w-full', wrapperClassName)}
    >
      <select
        data-slot="native-select"
        data-size={size}
        className={cn(
          controlClass,
          'cursor-pointer appearance-none pr-9',
          size === 'sm' && 'min-h-9 w-auto py-1 pl-2 text-sm pointer-coarse:min-h-11',
          className,
        )}
        {...rest}
      />
      <ChevronDownIcon
        aria-hidden="true"
        data-slot="native-select-icon"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-slate-600"
      />
    </div>
  )
}

export function NativeSelectOption(props: ComponentProps<'option'>) {
  return <option data-slot="native-select-option" {...props} />
}

export function NativeSelectOptGroup(props: ComponentProps<'optgroup'>) {
  return <optgroup data-slot="native-select-optgroup" {...props} />
}
