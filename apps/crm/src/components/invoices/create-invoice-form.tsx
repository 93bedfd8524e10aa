'use client'

import { useActionForm } from '@repo/actions/form'
import type { CustomerRow, JobRow } from '@repo/database/types'
import { addDaysToKey, dayKey, formatDate, fromZonedDateInputValue } from '@repo/domain/dates'
import { centsToInput, totalsOf } from '@repo/domain/money'
import { Field, TextField } from '@repo/ui/field'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import { useState } from 'react'
import { createInvoiceAction } from '@/actions/invoices/create-invoice-action.ts'
import { FormActions } from '@/components/forms/form-actions.tsx'
import {
  blankLine,
  type CatalogService,
  type LineDraft,
  lineFromService,
  lineInput,
  pricedLines,
  type TaxRateChoice,
} from '@/components/line-items/line-draft.ts'
import { LineEditor } from '@/components/line-items/line-editor.tsx'
import { LineTotals } from '@/components/line-items/line-totals.tsx'
import { PropertySelect } from '@/components/properties/property-select.tsx'
import { usePropertyChoices } from '@/components/properties/use-property-choices.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'

/** A job as an invoice line: its title and price, taxed like its catalog service. */
function lineFromJob(job: JobRow, services: readonly CatalogService[], rates: readonly TaxRateChoice[]): LineDraft {
  const service = services.find((s) => s.id === job.service_id)
  const base = service ? lineFromService(service, rates) : blankLine()
  return { ...base, description: job.title, unitPrice: centsToInput(job.price_cents) }
}

/**
 * A new invoice for a customer, optionally from one of their jobs. Lines come from the catalog or
 * free text; the database computes the tax and totals (previewed here by the same rule).
 */
export function CreateInvoiceForm({
  customer,
  jobs,
  services,
  taxRates,
  onDone,
}: {
  customer: CustomerRow
  jobs: JobRow[]
  services: CatalogService[]
  taxRates: TaxRateChoice[]
  onDone: () => void
}) {
  const { timeZone, currency } = useStaffSession()
  const [jobId, setJobId] = useState('')
  const [lines, setLines] = useState<LineDraft[]>(() => [blankLine()])
  const property = usePropertyChoices(customer.id)
  const defaultDue = addDaysToKey(dayKey(new Date(), timeZone), 14)

  const pickJob = (id: string) => {
    setJobId(id)
    const job = jobs.find((j) => j.id === id)
    if (job) setLines([lineFromJob(job, services, taxRates)])
    // An invoice for a job is for the job's address.
    if (job?.property_id && property.choices?.some((p) => p.id === job.property_id)) property.setPropertyId(job.property_id)
  }
  const priced = pricedLines(lines)

  const { formProps, pending, fieldError } = useActionForm(createInvoiceAction, {
    toInput: (form) => {
      const due = String(form.get('due') ?? '')
      return {
        customerId: customer.id,
        jobId: jobId || null,
        propertyId: property.propertyId || null,
        number: String(form.get('number') ?? ''),
        // End of the chosen day in the business's zone, as an instant.
        dueAt: fromZonedDateInputValue(due, timeZone),
        notes: String(form.get('notes') ?? ''),
        lineItems: lines.map(lineInput),
      }
    },
    success: (invoice) => `Invoice ${invoice.number} created`,
    onSuccess: onDone,
  })

  return (
    <form {...formProps} aria-label="Create invoice" noValidate className="space-y-4 rounded-xl border border-sky-200 bg-sky-50/40 p-3 sm:p-4">
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="field-job" label="From job" error={fieldError('jobId')}>
          {(control) => (
            <NativeSelect {...control} value={jobId} onChange={(e) => pickJob(e.target.value)}>
              <NativeSelectOption value="">No job</NativeSelectOption>
              {jobs.map((j) => (
                <NativeSelectOption key={j.id} value={j.id}>
                  {j.title} ({formatDate(j.scheduled_start, timeZone)})
                </NativeSelectOption>
              ))}
            </NativeSelect>
          )}
        </Field>
        <TextField
          label="Invoice number"
          name="number"
          placeholder="Automatic"
          hint="Leave empty for the next free number."
          error={fieldError('number')}
        />
        <TextField label="Due date" name="due" type="date" defaultValue={defaultDue} error={fieldError('dueAt')} />
        <PropertySelect
          id="invoice-property"
          choices={property.choices}
          value={property.propertyId}
          onChange={property.setPropertyId}
          error={fieldError('propertyId')}
          className="sm:col-span-3"
        />
      </div>
      <LineEditor
        lines={lines}
        onChange={setLines}
        services={services}
        taxRates={taxRates}
        currency={currency}
        error={(index, field) => fieldError(`lineItems.${index}.${field}`)}
        listError={fieldError('lineItems')}
      />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <TextField label="Notes" name="notes" error={fieldError('notes')} className="sm:flex-1" />
        <LineTotals totals={priced ? totalsOf(priced) : null} currency={currency} note="Tax is worked out per rate over the whole invoice." />
      </div>
      <FormActions submitLabel="Create invoice" pendingLabel="Creating…" pending={pending} onClose={onDone} />
    </form>
  )
}
