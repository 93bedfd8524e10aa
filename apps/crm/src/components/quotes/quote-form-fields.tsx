'use client'

import type { QuoteRow } from '@repo/database/types'
import { Field, TextAreaField, TextField } from '@repo/ui/field'
import { Input } from '@repo/ui/input'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import type { CatalogService, TaxRateChoice } from '@/components/line-items/line-draft.ts'
import { LineEditor } from '@/components/line-items/line-editor.tsx'
import { LineTotals } from '@/components/line-items/line-totals.tsx'
import type { DepositKind, QuoteDraft } from './use-quote-draft.ts'

const depositLabels: Record<DepositKind, string> = {
  none: 'No deposit',
  percent: 'Percent of the total',
  amount: 'Fixed amount',
}

/** Everything staff write on a quote but who it is for and the buttons: shared by new and edit. */
export function QuoteFormFields({
  draft,
  quote,
  defaultValidUntil,
  services,
  taxRates,
  currency,
  fieldError,
}: {
  draft: QuoteDraft
  /** The quote being changed; none for a new one. */
  quote?: Pick<QuoteRow, 'title' | 'valid_until' | 'notes' | 'terms'>
  defaultValidUntil: string
  services: CatalogService[]
  taxRates: TaxRateChoice[]
  currency: string
  fieldError: (name: string) => string | undefined
}) {
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_12rem]">
        <TextField label="Title" name="title" defaultValue={quote?.title ?? ''} placeholder="e.g. Whole-home carpet refresh" error={fieldError('title')} />
        <TextField
          label="Valid until"
          name="validUntil"
          type="date"
          defaultValue={quote ? (quote.valid_until ?? '') : defaultValidUntil}
          hint="Empty: no end date."
          error={fieldError('validUntil')}
        />
      </div>
      <LineEditor
        lines={draft.lines}
        onChange={draft.setLines}
        services={services}
        taxRates={taxRates}
        currency={currency}
        withOptions
        error={(index, field) => fieldError(`lines.${index}.${field}`)}
        listError={fieldError('lines')}
      />
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <fieldset className="min-w-0 space-y-2 sm:flex-1">
          <legend className="text-sm font-semibold">Deposit</legend>
          <div className="grid gap-2 sm:grid-cols-[14rem_10rem]">
            <Field id="quote-deposit-kind" label="Deposit on approval">
              {(control) => (
                <NativeSelect {...control} value={draft.depositKind} onChange={(e) => draft.setDepositKind(e.target.value as DepositKind)}>
                  {(Object.keys(depositLabels) as DepositKind[]).map((kind) => (
                    <NativeSelectOption key={kind} value={kind}>
                      {depositLabels[kind]}
                    </NativeSelectOption>
                  ))}
                </NativeSelect>
              )}
            </Field>
            {draft.depositKind === 'percent' ? (
              <Field id="quote-deposit-percent" label="Percent" error={fieldError('depositPercent')}>
                {(control) => (
                  <Input {...control} inputMode="numeric" value={draft.depositPercent} onChange={(e) => draft.setDepositPercent(e.target.value)} placeholder="20" />
                )}
              </Field>
            ) : null}
            {draft.depositKind === 'amount' ? (
              <Field id="quote-deposit-amount" label={`Amount (${currency})`} error={fieldError('depositAmountCents')}>
                {(control) => (
                  <Input {...control} inputMode="decimal" value={draft.depositAmount} onChange={(e) => draft.setDepositAmount(e.target.value)} placeholder="100.00" />
                )}
              </Field>
            ) : null}
          </div>
        </fieldset>
        <LineTotals
          totals={draft.totals}
          currency={currency}
          {...(draft.depositKind === 'none' ? {} : { deposit: draft.deposit ?? null })}
          note="Totals count the first line of each option group; optional lines are added only if the customer picks them."
        />
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <TextAreaField label="Notes for the customer" name="notes" defaultValue={quote?.notes ?? ''} rows={3} error={fieldError('notes')} />
        <TextAreaField label="Terms" name="terms" defaultValue={quote?.terms ?? ''} rows={3} error={fieldError('terms')} />
      </div>
    </>
  )
}
