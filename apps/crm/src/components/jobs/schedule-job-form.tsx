'use client'

import type { CustomerRow, StaffMemberRow } from '@repo/database/types'
import { fromZonedInputValue } from '@repo/domain/dates'
import { TextField } from '@repo/ui/field'
import { useState, useTransition } from 'react'
import { toast } from 'sonner'
import { scheduleJobAction } from '@/actions/jobs/schedule-job-action.ts'
import { FormActions } from '@/components/forms/form-actions.tsx'
import { useStaffSession } from '@/components/shell/staff-session.tsx'

/** New appointment for a customer; field errors come back from the action's schema. */
export function ScheduleJobForm({ customer, staff, onDone }: { customer: CustomerRow; staff: StaffMemberRow[]; onDone: () => void }) {
  const { timeZone } = useStaffSession()
  const [pending, start] = useTransition()
  const [errors, setErrors] = useState<Record<string, string[]>>({})

  return (
    <form
      aria-label="Schedule a job"
      noValidate
      className="grid gap-3 rounded-xl border border-sky-200 bg-sky-50/40 p-4 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault()
        if (pending) return
        const form = new FormData(e.currentTarget)
        const price = String(form.get('price') ?? '').trim()
        start(async () => {
          const result = await scheduleJobAction({
            customerId: customer.id,
            title: String(form.get('title') ?? ''),
            // Typed in the business's time zone, whatever the browser's.
            scheduledStart: fromZonedInputValue(String(form.get('start') ?? ''), timeZone),
            scheduledEnd: fromZonedInputValue(String(form.get('end') ?? ''), timeZone),
            // Dollars in the form, integer cents on the wire.
            priceCents: price === '' ? 0 : Math.round(Number(price) * 100),
            technicianId: String(form.get('technician') ?? '') || null,
            address: String(form.get('address') ?? ''),
            notes: String(form.get('notes') ?? ''),
          })
          if (result.ok) {
            setErrors({})
            toast.success('Job scheduled')
            onDone()
          } else {
            setErrors(result.fieldErrors ?? {})
            toast.error(result.error)
          }
        })
      }}
    >
      <TextField label="Title" name="title" required error={errors.title?.[0]} className="sm:col-span-2" />
      <TextField label="Start" name="start" type="datetime-local" required error={errors.scheduledStart?.[0]} />
      <TextField label="End" name="end" type="datetime-local" required error={errors.scheduledEnd?.[0]} />
      <TextField label="Price (USD)" name="price" type="number" step="0.01" min="0" inputMode="decimal" error={errors.priceCents?.[0]} />
      <div className="space-y-1">
        <label htmlFor="field-technician" className="block text-sm font-medium">
          Technician
        </label>
        <select id="field-technician" name="technician" className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3">
          <option value="">Unassigned</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.full_name} ({s.role})
            </option>
          ))}
        </select>
        {errors.technicianId ? <p className="text-sm text-red-800">{errors.technicianId[0]}</p> : null}
      </div>
      <TextField label="Address (blank: customer's address)" name="address" error={errors.address?.[0]} className="sm:col-span-2" />
      <TextField label="Notes" name="notes" error={errors.notes?.[0]} className="sm:col-span-2" />
      <FormActions submitLabel="Schedule job" pendingLabel="Scheduling…" pending={pending} onClose={onDone} className="sm:col-span-2" />
    </form>
  )
}
