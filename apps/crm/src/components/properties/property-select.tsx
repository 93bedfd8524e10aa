'use client'

import type { PropertyRow } from '@repo/database/types'
import { formatAddress, isAwaitingConfirmation } from '@repo/domain/properties'
import { Field } from '@repo/ui/field'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'

/** Which of the customer's addresses the work is for; the main one is preselected. */
export function PropertySelect({
  id,
  choices,
  value,
  onChange,
  error,
  className,
}: {
  id: string
  /** null while loading. */
  choices: PropertyRow[] | null
  value: string
  onChange: (propertyId: string) => void
  error?: string | undefined
  className?: string
}) {
  const hint =
    choices === null
      ? 'Loading addresses…'
      : choices.length === 0
        ? 'This customer has no property yet: add one on their Properties tab.'
        : undefined
  return (
    <Field id={id} label="Property" hint={hint} error={error} className={className}>
      {(control) => (
        <NativeSelect
          {...control}
          value={value}
          disabled={!choices?.length}
          onChange={(e) => onChange(e.target.value)}
        >
          {!choices?.length ? <NativeSelectOption value="">No property</NativeSelectOption> : null}
          {choices?.map((p) => (
            <NativeSelectOption key={p.id} value={p.id}>
              {`${p.label}${p.is_primary ? ' (main)' : isAwaitingConfirmation(p) ? ' (not confirmed yet)' : ''} — ${formatAddress(p)}`}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      )}
    </Field>
  )
}
