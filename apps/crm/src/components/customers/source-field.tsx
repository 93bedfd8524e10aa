'use client'

import { customerSources, isListedSource, MAX_SOURCE_CHARS } from '@repo/domain/customers'
import { Field } from '@repo/ui/field'
import { Input } from '@repo/ui/input'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import { useState } from 'react'

const OTHER = '__other'

/**
 * Where the customer came from: one of the common answers, or "Other…" and the office's own words.
 * `value` is the source as saved ('' for none).
 */
export function SourceField({
  id,
  value,
  onChange,
  error,
  disabled = false,
}: {
  id: string
  value: string
  onChange: (source: string) => void
  error?: string | undefined
  disabled?: boolean
}) {
  // "Other…" stays chosen while its text is empty (the office is about to type it).
  const [other, setOther] = useState(value !== '' && !isListedSource(value))
  const choice = other ? OTHER : value
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field
        id={id}
        label="Source"
        hint="Where they heard of you."
        error={other ? undefined : error}
      >
        {(control) => (
          <NativeSelect
            {...control}
            value={choice}
            disabled={disabled}
            onChange={(e) => {
              const next = e.target.value
              setOther(next === OTHER)
              onChange(next === OTHER ? '' : next)
            }}
          >
            <NativeSelectOption value="">Not known</NativeSelectOption>
            {customerSources.map((source) => (
              <NativeSelectOption key={source} value={source}>
                {source}
              </NativeSelectOption>
            ))}
            <NativeSelectOption value={OTHER}>Other…</NativeSelectOption>
          </NativeSelect>
        )}
      </Field>
      {other ? (
        <Field id={`${id}-other`} label="Other source" error={error}>
          {(control) => (
            <Input
              {...control}
              value={value}
              disabled={disabled}
              maxLength={MAX_SOURCE_CHARS}
              placeholder="e.g. Home show, Van sign"
              onChange={(e) => onChange(e.target.value)}
            />
          )}
        </Field>
      ) : null}
    </div>
  )
}
