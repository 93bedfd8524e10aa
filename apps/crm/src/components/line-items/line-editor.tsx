'use client'

import { formatCents } from '@repo/domain/money'
import { Button } from '@repo/ui/button'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import { useId } from 'react'
import { blankLine, type CatalogService, isBlankLine, type LineDraft, lineFromService, type TaxRateChoice } from './line-draft.ts'
import { LineRow } from './line-row.tsx'

export interface LineEditorProps {
  lines: LineDraft[]
  onChange: (lines: LineDraft[]) => void
  /** The active services, to add from. */
  services: readonly CatalogService[]
  /** The active tax rates (the default first). */
  taxRates: readonly TaxRateChoice[]
  currency: string
  /** Quotes: option groups (alternatives) and optional lines. */
  withOptions?: boolean
  /** The message for one field of line `index` (`description`, `quantity`, `unitPriceCents`, …). */
  error: (index: number, field: string) => string | undefined
  /** A message about the lines as a whole ("Add at least one line"). */
  listError?: string | undefined
}

const columns = 'lg:grid-cols-[minmax(0,1fr)_5.5rem_8rem_13rem_7rem_auto]'

/**
 * The lines of an invoice or a quote: from the catalog or free text, with quantity, unit price
 * and the tax rate charged. Controlled: the form owns the lines, for its totals and its submit.
 */
export function LineEditor({ lines, onChange, services, taxRates, currency, withOptions = false, error, listError }: LineEditorProps) {
  const idPrefix = `lines-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`
  const groupListId = `${idPrefix}-groups`
  const groups = [...new Set(lines.map((l) => l.optionGroup.trim()).filter(Boolean))]
  const update = (index: number, patch: Partial<LineDraft>) => onChange(lines.map((l, i) => (i === index ? { ...l, ...patch } : l)))
  const addService = (serviceId: string) => {
    const service = services.find((s) => s.id === serviceId)
    if (!service) return
    const line = lineFromService(service, taxRates)
    // The untouched first line is filled rather than left empty above the new one.
    onChange(lines.length === 1 && lines[0] && isBlankLine(lines[0]) ? [line] : [...lines, line])
  }

  return (
    <fieldset className="min-w-0 space-y-3">
      <legend className="text-sm font-semibold">Line items</legend>
      {listError ? <p className="text-sm text-red-800">{listError}</p> : null}
      {taxRates.length === 0 ? (
        <p className="text-sm text-slate-700">No tax rates yet: an owner or admin adds them in Settings.</p>
      ) : null}
      <div aria-hidden className={`hidden gap-2 text-sm font-medium text-slate-700 lg:grid ${columns}`}>
        <span>Description</span>
        <span>Qty</span>
        <span>Unit price</span>
        <span>Tax</span>
        <span className="text-right">Amount</span>
        <span className="w-24" />
      </div>
      <ol className="space-y-2 lg:space-y-0 lg:border-b lg:border-slate-200">
        {lines.map((line, index) => (
          <LineRow
            key={line.key}
            line={line}
            index={index}
            idPrefix={idPrefix}
            taxRates={taxRates}
            currency={currency}
            withOptions={withOptions}
            groupListId={groupListId}
            canRemove={lines.length > 1}
            onChange={(patch) => update(index, patch)}
            onRemove={() => onChange(lines.filter((_, i) => i !== index))}
            error={(field) => error(index, field)}
          />
        ))}
      </ol>
      {withOptions ? (
        <datalist id={groupListId}>
          {groups.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        {services.length > 0 ? (
          <NativeSelect aria-label="Add from catalog" value="" onChange={(e) => addService(e.target.value)} wrapperClassName="w-full sm:w-80">
            <NativeSelectOption value="">Add from catalog…</NativeSelectOption>
            {services.map((s) => (
              <NativeSelectOption key={s.id} value={s.id}>
                {s.name} · {formatCents(s.base_price_cents, currency)} / {s.unit}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        ) : null}
        <Button variant="secondary" onClick={() => onChange([...lines, blankLine()])}>
          Add line
        </Button>
      </div>
    </fieldset>
  )
}
