'use client'

import { useAction, useActionForm } from '@repo/actions/form'
import type { TaxRateRow } from '@repo/database/types'
import { formatRate } from '@repo/domain/money'
import { Button } from '@repo/ui/button'
import { Checkbox } from '@repo/ui/checkbox'
import { TextField } from '@repo/ui/field'
import { Label } from '@repo/ui/label'
import { useRef } from 'react'
import { changeTaxRateAction, createTaxRateAction } from '@/actions/business/tax-rate-actions.ts'
import { OfferedList, offeredChange } from './offered-list.tsx'

const madeDefault = (rate: { name: string }) => `${rate.name} is now the default rate`

/**
 * The rates the business charges. New taxable lines are charged the default rate; each line keeps
 * the rate it was written with, so changing rates never changes an invoice or quote already made.
 */
export function TaxRates({ rates, canEdit }: { rates: TaxRateRow[]; canEdit: boolean }) {
  const add = useActionForm(createTaxRateAction, { success: (r) => `${r.name} added`, resetOnSuccess: true })
  const last = useRef<'make_default' | 'withdraw' | 'offer'>('withdraw')
  const change = useAction(changeTaxRateAction, {
    success: (rate) => (last.current === 'make_default' ? madeDefault(rate) : offeredChange(rate)),
  })
  const run = (taxRateId: string, kind: typeof last.current) => {
    last.current = kind
    change.run({ taxRateId, change: kind })
  }
  const byId = new Map(rates.map((r) => [r.id, r]))
  return (
    <section aria-labelledby="tax-rates-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 md:p-6">
      <div>
        <h2 id="tax-rates-heading" className="text-lg font-semibold">
          Tax rates
        </h2>
        <p className="text-sm text-slate-700">
          Taxable services are charged the default rate on new invoices and quotes. A line keeps the rate it was written with.
        </p>
      </div>
      <OfferedList
        items={rates.map((r) => ({ id: r.id, name: r.name, detail: formatRate(r.rate_bps), active: r.active, flag: r.is_default ? 'Default' : null }))}
        canEdit={canEdit}
        pending={change.pending}
        onToggle={(item) => run(item.id, item.active ? 'withdraw' : 'offer')}
        actions={(item) =>
          byId.get(item.id)?.is_default || !item.active ? null : (
            <Button variant="secondary" size="sm" disabled={change.pending} onClick={() => run(item.id, 'make_default')} aria-label={`Make ${item.name} the default`}>
              Make default
            </Button>
          )
        }
        emptyText="No tax rates yet: add the sales tax you charge, and make it the default."
      />
      {canEdit ? (
        <form {...add.formProps} aria-label="New tax rate" noValidate className="grid gap-3 md:grid-cols-[1fr_9rem_auto_auto] md:items-start">
          <TextField id="tax-rate-name" label="Tax rate" name="name" placeholder="e.g. Sales tax" error={add.fieldError('name')} />
          <TextField id="tax-rate-percent" label="Percent" name="rateBps" inputMode="decimal" placeholder="8.25" error={add.fieldError('rateBps')} />
          <div className="flex min-h-11 items-center gap-2 md:mt-6">
            <Checkbox id="tax-rate-default" name="isDefault" />
            <Label htmlFor="tax-rate-default">Make it the default</Label>
          </div>
          <Button type="submit" pending={add.pending} className="md:mt-6">
            Add tax rate
          </Button>
        </form>
      ) : null}
    </section>
  )
}
