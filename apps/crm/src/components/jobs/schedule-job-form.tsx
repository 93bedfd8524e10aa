'use client'

import { useActionForm } from '@repo/actions/form'
import type { CustomerRow, StaffMemberRow } from '@repo/database/types'
import { fromZonedInputValue } from '@repo/domain/dates'
import { Field, TextField } from '@repo/ui/field'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import { scheduleJobAction } from '@/actions/jobs/schedule-job-action.ts'
import { FormActions } from '@/components/forms/form-actions.tsx'
import { useStaffSession } from '@/components/shell/staff-session.tsx'

function readJobFields(form: FormData, timeZone: string) {
  const text = (name: string) => String(form.get(name) ?? '')
  const price = text('price').trim()
  return {
    title: text('title'),
    // Typed in the business's time zone, whatever the browser's.
    scheduledStart: fromZonedInputValue(text('start'), timeZone),
    scheduledEnd: fromZonedInputValue(text('end'), timeZone),
    // Dollars in the form, integer cents on the wire.
    priceCents: price === '' ? 0 : Math.round(Number(price) * 100),
    technicianId: text('technician') || null,
    address: text('address'),
    notes: text('notes'),
  }
}

/** New appointment for a customer; field errors come back from the action's schema. */
export function ScheduleJobForm({ customer, staff, onDone }: { customer: CustomerRow; staff: StaffMemberRow[]; onDone: () => void }) {
  const { timeZone } = useStaffSession()
  const { formProps, pending, fieldError } = useActionForm(scheduleJobAction, {
    // This form shows no conflicts: it saves as typed, as it always did (the calendar asks first).
    toInput: (form) => ({ customerId: customer.id, ...readJobFields(form, timeZone), confirmed: true }),
    success: 'Job scheduled',
    onSuccess: onDone,
  })

  return (
    <form
      {...formProps}
      aria-label="Schedule a job"
      noValidate
      className="grid gap-3 rounded-xl border border-sky-200 bg-sky-50/40 p-4 sm:grid-cols-2"
    >
      <TextField label="Title" name="title" required error={fieldError('title')} className="sm:col-span-2" />
      <TextField label="Start" name="start" type="datetime-local" required error={fieldError('scheduledStart')} />
      <TextField label="End" name="end" type="datetime-local" required error={fieldError('scheduledEnd')} />
      <TextField label="Price (USD)" name="price" type="number" step="0.01" min="0" inputMode="decimal" error={fieldError('priceCents')} />
      <Field id="field-technician" label="Technician" error={fieldError('technicianId')}>
        {(control) => (
          <NativeSelect {...control} name="technician">
            <NativeSelectOption value="">Unassigned</NativeSelectOption>
            {staff.map((s) => (
              <NativeSelectOption key={s.id} value={s.id}>
                {s.full_name} ({s.role})
              </NativeSelectOption>
            ))}
          </NativeSelect>
        )}
      </Field>
      <TextField label="Address (blank: customer's address)" name="address" error={fieldError('address')} className="sm:col-span-2" />
      <TextField label="Notes" name="notes" error={fieldError('notes')} className="sm:col-span-2" />
      <FormActions submitLabel="Schedule job" pendingLabel="Scheduling…" pending={pending} onClose={onDone} className="sm:col-span-2" />
    </form>
  )
}
