'use client'

import {
  type ColumnMapping,
  type ImportPresetId,
  importFieldLabel,
  importFields,
  importPresets,
} from '@repo/domain/customer-import'
import { Field } from '@repo/ui/field'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'

/** One select per field, pre-filled by the preset; "Column names from" re-applies a preset. */
export function ColumnMappingForm({
  headers,
  presetId,
  mapping,
  onPreset,
  onMapping,
}: {
  headers: string[]
  presetId: ImportPresetId
  mapping: ColumnMapping
  onPreset: (preset: ImportPresetId) => void
  onMapping: (mapping: ColumnMapping) => void
}) {
  return (
    <div className="space-y-4">
      <Field
        id="import-preset"
        label="Column names from"
        hint="Exports from Jobber and Housecall Pro are recognised; anything else is matched by column name."
      >
        {(control) => (
          <NativeSelect
            {...control}
            value={presetId}
            onChange={(e) => onPreset(e.target.value as ImportPresetId)}
          >
            {importPresets.map((p) => (
              <NativeSelectOption key={p.id} value={p.id}>
                {p.label}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {importFields.map((field) => (
          <Field key={field} id={`map-${field}`} label={importFieldLabel[field]}>
            {(control) => (
              <NativeSelect
                {...control}
                value={mapping[field] ?? ''}
                onChange={(e) =>
                  onMapping({
                    ...mapping,
                    [field]: e.target.value === '' ? null : Number(e.target.value),
                  })
                }
              >
                <NativeSelectOption value="">— Not imported —</NativeSelectOption>
                {headers.map((h, i) => (
                  // Columns are identified by position: names may repeat or be blank.
                  <NativeSelectOption key={i} value={i}>
                    {h || `Column ${i + 1}`}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            )}
          </Field>
        ))}
      </div>
    </div>
  )
}
