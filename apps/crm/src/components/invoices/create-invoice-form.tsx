'use client'

import { useActionForm } from '@repo/actions/form'
import type { CustomerRow, JobRow } from '@repo/database/types'
import { addDaysToKey, dayKey, formatDate, fromZonedDateInputValue } from '@repo/domain/dates'
import { formatCents } from '@repo/domain/money'
import { Button } from '@repo/ui/button'
import { Field, TextField } from '@repo/ui/field'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import { useState } from 'react'
import { createInvoiceAction } from '@/actions/invoices/create-invoice-action.ts'
import { FormActions } from '@/components/forms/form-actions.tsx'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { previewSubtotal } from '@/lib/invoice-preview.ts'

interface LineDraft {
  description: string
  quantity: string
  unitPrice: string
}

const toCents = (dollars: string) => (dollars.trim() === '' ? Number.NaN : Math.round(Number(dollars) * 100))
const blankLine: LineDraft = { description: '', quantity: '1', unitPrice: '' }

/** Invoice from a job: the job's title and price prefill the first line; totals are saved by the database. */
export function CreateInvoiceForm({
  customer,
  jobs,
  onDone,
}: {
  customer: CustomerRow
  jobs: JobRow[]
  onDone: () => void
}) {
  const { timeZone, currency } = useStaffSession()
  const [jobId, setJobId] = useState('')
  const [lines, setLines] = useState<LineDraft[]>([blankLine])
  const defaultDue = addDaysToKey(dayKey(new Date(), timeZone), 14)

  const pickJob = (id: string) => {
    setJobId(id)
    const job = jobs.find((j) => j.id === id)
    if (job) setLines([{ description: job.title, quantity: '1', unitPrice: (job.price_cents / 100).toFixed(2) }])
  }
  const items = lines.map((l) => ({ description: l.description, quantity: Number(l.quantity), unitPriceCents: toCents(l.unitPrice) }))
  const subtotal = items.every((i) => Number.isFinite(i.quantity) && Number.isFinite(i.unitPriceCents)) ? previewSubtotal(items) : null

  const { formProps, pending, fieldError } = useActionForm(createInvoiceAction, {
    toInput: (form) => {
      const due = String(form.get('due') ?? '')
      return {
        customerId: customer.id,
        jobId: jobId || null,
        number: String(form.get('number') ?? ''),
        // End of the chosen day in the business's zone, as an instant.
        dueAt: fromZonedDateInputValue(due, timeZone),
        taxCents: toCents(String(form.get('tax') ?? '0') || '0'),
        notes: String(form.get('notes') ?? ''),
        lineItems: items,
      }
    },
    success: (invoice) => `Invoice ${invoice.number} created`,
    onSuccess: onDone,
  })

  return (
    <form {...formProps} aria-label="Create invoice" noValidate className="space-y-3 rounded-xl border border-sky-200 bg-sky-50/40 p-4">
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
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">Line items</legend>
        {fieldError('lineItems') ? <p className="text-sm text-red-800">{fieldError('lineItems')}</p> : null}
        {lines.map((line, index) => {
          const err = (f: string) => fieldError(`lineItems.${index}.${f}`)
          const set = (patch: Partial<LineDraft>) => setLines((ls) => ls.map((l, i) => (i === index ? { ...l, ...patch } : l)))
          return (
            // Rows have no identity until saved, so their position is their key.
            <div key={index} className="grid gap-2 sm:grid-cols-[1fr_6rem_8rem_auto]">
              <TextField label={`Description ${index + 1}`} name={`desc-${index}`} value={line.description} onChange={(e) => set({ description: e.target.value })} error={err('description')} />
              <TextField label="Qty" name={`qty-${index}`} type="number" min="1" value={line.quantity} onChange={(e) => set({ quantity: e.target.value })} error={err('quantity')} />
              <TextField label="Unit price" name={`price-${index}`} type="number" step="0.01" value={line.unitPrice} onChange={(e) => set({ unitPrice: e.target.value })} error={err('unitPriceCents')} />
              <div className="flex items-end">
                <Button
                  variant="ghost"
                  disabled={lines.length === 1}
                  onClick={() => setLines((ls) => ls.filter((_, i) => i !== index))}
                  aria-label={`Remove line ${index + 1}`}
                >
                  Remove
                </Button>
              </div>
            </div>
          )
        })}
        <Button variant="secondary" size="sm" onClick={() => setLines((ls) => [...ls, blankLine])}>
          Add line
        </Button>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label={`Tax (${currency})`} name="tax" type="number" step="0.01" defaultValue="0" error={fieldError('taxCents')} />
        <TextField label="Notes" name="notes" error={fieldError('notes')} className="sm:col-span-2" />
      </div>
      <p className="text-sm text-slate-700">Subtotal before tax: {subtotal === null ? '—' : formatCents(subtotal, currency)}</p>
      <FormActions submitLabel="Create invoice" pendingLabel="Creating…" pending={pending} onClose={onDone} />
    </form>
  )
}
