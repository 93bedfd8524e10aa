'use client'

import { formatCents, formatRate } from '@repo/domain/money'
import { Button } from '@repo/ui/button'
import { Checkbox } from '@repo/ui/checkbox'
import { Field } from '@repo/ui/field'
import { Input } from '@repo/ui/input'
import { Label } from '@repo/ui/label'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import type { ComponentProps, ReactNode } from 'react'
import { type LineDraft, pricedLine, rateWhenTaxed, type TaxRateChoice } from './line-draft.ts'

/** A field's label: the word shown in stacked rows (a column header says it on wide screens), the line number for screen readers. */
function RowLabel({ text, n, always = false }: { text: string; n: number; always?: boolean }) {
  return (
    <>
      <span className={always ? undefined : 'lg:sr-only'}>{text}</span>
      <span className="sr-only"> {n}</span>
    </>
  )
}

/** A labelled input of a row; its error is linked to it. */
function RowInput({
  id,
  label,
  error,
  className,
  ...rest
}: { id: string; label: ReactNode; error: string | undefined; className?: string } & ComponentProps<'input'>) {
  return (
    <Field id={id} label={label} error={error} className={className}>
      {(control) => <Input {...rest} name={id} {...control} />}
    </Field>
  )
}

export interface LineRowProps {
  line: LineDraft
  index: number
  idPrefix: string
  taxRates: readonly TaxRateChoice[]
  currency: string
  withOptions: boolean
  /** The datalist of option groups used so far (quotes). */
  groupListId: string
  canRemove: boolean
  onChange: (patch: Partial<LineDraft>) => void
  onRemove: () => void
  error: (field: string) => string | undefined
}

/** One line: stacked on a phone, one table-like row (plus its options row for quotes) from `lg` up. */
export function LineRow({ line, index, idPrefix, taxRates, currency, withOptions, groupListId, canRemove, onChange, onRemove, error }: LineRowProps) {
  const n = index + 1
  const id = (field: string) => `${idPrefix}-${index}-${field}`
  const priced = pricedLine(line)
  const grouped = line.optionGroup.trim() !== ''
  // A line keeps its rate even if it was withdrawn since; it is listed so the select can show it.
  const rateChoices = taxRates.some((r) => r.rate_bps === line.taxRateBps)
    ? taxRates
    : [...taxRates, { id: `kept-${line.taxRateBps}`, name: 'Rate on this line', rate_bps: line.taxRateBps, is_default: false }]
  return (
    <li
      data-line={n}
      className="grid grid-cols-2 items-start gap-2 rounded-lg border border-slate-200 bg-white p-3 lg:grid-cols-[minmax(0,1fr)_5.5rem_8rem_13rem_7rem_auto] lg:rounded-none lg:border-0 lg:border-t lg:bg-transparent lg:px-0 lg:py-2"
    >
      <p className="col-span-2 text-sm font-semibold text-slate-800 lg:hidden">Line {n}</p>
      <RowInput
        id={id('description')}
        label={<RowLabel text="Description" n={n} />}
        value={line.description}
        onChange={(e) => onChange({ description: e.target.value })}
        error={error('description')}
        className="col-span-2 lg:col-span-1"
      />
      <RowInput
        id={id('quantity')}
        label={<RowLabel text="Qty" n={n} />}
        type="number"
        min={1}
        step={1}
        inputMode="numeric"
        value={line.quantity}
        onChange={(e) => onChange({ quantity: e.target.value })}
        error={error('quantity')}
      />
      <RowInput
        id={id('price')}
        label={<RowLabel text="Unit price" n={n} />}
        inputMode="decimal"
        placeholder="0.00"
        value={line.unitPrice}
        onChange={(e) => onChange({ unitPrice: e.target.value })}
        error={error('unitPriceCents')}
      />
      <div className="col-span-2 flex min-h-11 flex-wrap items-center gap-x-3 gap-y-1 lg:col-span-1">
        <div className="flex items-center gap-2">
          <Checkbox
            id={id('taxable')}
            checked={line.taxable}
            disabled={taxRates.length === 0 && !line.taxable}
            onCheckedChange={(checked) => {
              const taxable = checked === true
              onChange({ taxable, taxRateBps: taxable ? rateWhenTaxed(line, taxRates) : line.taxRateBps })
            }}
          />
          <Label htmlFor={id('taxable')}>
            <RowLabel text="Taxable" n={n} always />
          </Label>
        </div>
        {line.taxable ? (
          <NativeSelect
            size="sm"
            aria-label={`Tax rate ${n}`}
            value={String(line.taxRateBps)}
            onChange={(e) => onChange({ taxRateBps: Number(e.target.value) })}
          >
            {rateChoices.map((rate) => (
              <NativeSelectOption key={rate.id} value={String(rate.rate_bps)}>
                {rate.name} {formatRate(rate.rate_bps)}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        ) : null}
        {error('taxRateBps') ? <p className="w-full text-sm text-red-800">{error('taxRateBps')}</p> : null}
      </div>
      {withOptions ? (
        <div className="col-span-2 flex flex-wrap items-center gap-x-5 gap-y-1 lg:col-span-4 lg:col-start-1 lg:row-start-2">
          <div className="flex w-full items-center gap-2 sm:w-auto">
            <Label htmlFor={id('group')} className="shrink-0">
              <RowLabel text="Option group" n={n} always />
            </Label>
            <Input
              id={id('group')}
              name={id('group')}
              list={groupListId}
              placeholder="e.g. Package"
              value={line.optionGroup}
              onChange={(e) => onChange({ optionGroup: e.target.value, ...(e.target.value.trim() ? { optional: false } : {}) })}
              aria-invalid={error('optionGroup') ? true : undefined}
              aria-describedby={error('optionGroup') ? id('group-error') : undefined}
              className="min-w-0 flex-1 sm:w-52 sm:flex-none"
            />
          </div>
          <div className="flex min-h-11 items-center gap-2">
            <Checkbox id={id('optional')} checked={line.optional} disabled={grouped} onCheckedChange={(checked) => onChange({ optional: checked === true })} />
            <Label htmlFor={id('optional')}>
              <RowLabel text="Optional extra" n={n} always />
            </Label>
          </div>
          {error('optionGroup') ? (
            <p id={id('group-error')} className="w-full text-sm text-red-800">
              {error('optionGroup')}
            </p>
          ) : null}
          {error('optional') ? <p className="w-full text-sm text-red-800">{error('optional')}</p> : null}
        </div>
      ) : null}
      <p className="flex min-h-11 items-center text-sm tabular-nums lg:justify-end lg:text-base">
        <span className="mr-1 text-slate-700 lg:sr-only">Amount</span>
        <span data-testid="line-amount">{priced ? formatCents(priced.quantity * priced.unitPriceCents, currency) : '—'}</span>
      </p>
      <div className="flex justify-end">
        <Button variant="ghost" disabled={!canRemove} onClick={onRemove} aria-label={`Remove line ${n}`}>
          Remove
        </Button>
      </div>
    </li>
  )
}
