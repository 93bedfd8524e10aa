'use client'

import type { PropertyRow, ServiceRow, StaffMemberRow } from '@repo/database/types'
import { formatTimeOfDay } from '@repo/domain/scheduling'
import { Button } from '@repo/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@repo/ui/dialog'
import { Field, TextAreaField, TextField } from '@repo/ui/field'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import { useEffect, useState } from 'react'
import {
  type CustomerChoice,
  listPropertiesAction,
} from '@/actions/jobs/customer-lookup-actions.ts'
import { scheduleJobAction } from '@/actions/jobs/schedule-job-action.ts'
import { CustomerPicker } from './customer-picker.tsx'
import {
  readSchedule,
  ScheduleFields,
  type ScheduleErrors,
  type ScheduleValue,
  serverScheduleErrors,
} from './schedule-fields.tsx'
import { useScheduleSave } from './use-schedule-save.tsx'

/** Where a new job starts: the slot that was clicked, or the first visible day at 9 AM. */
export interface NewJobPreset {
  technicianId: string | null
  day: string
  minute: number
}

function propertyText(p: PropertyRow): string {
  const address = [p.address_line1, p.city].filter(Boolean).join(', ')
  return p.label ? `${p.label}: ${address}` : address || 'Address without a street'
}

/** A new job from the calendar: customer, property, service (prefills), when and who, price, notes. */
export function NewJobDialog({
  preset,
  staff,
  services,
  timeZone,
  onClose,
}: {
  preset: NewJobPreset
  staff: StaffMemberRow[]
  services: ServiceRow[]
  timeZone: string
  onClose: () => void
}) {
  const [customer, setCustomer] = useState<CustomerChoice | null>(null)
  const [properties, setProperties] = useState<PropertyRow[]>([])
  const [propertyId, setPropertyId] = useState('')
  const [serviceId, setServiceId] = useState('')
  const [title, setTitle] = useState('')
  const [price, setPrice] = useState('')
  const [notes, setNotes] = useState('')
  const [when, setWhen] = useState<ScheduleValue>({
    technicianId: preset.technicianId ?? '',
    day: preset.day,
    time: formatTimeOfDay(preset.minute),
    duration: '60',
  })
  const [errors, setErrors] = useState<
    ScheduleErrors & { customer?: string; title?: string; price?: string }
  >({})
  const create = useScheduleSave(scheduleJobAction, { success: 'Job created', onSaved: onClose })
  // A field's message goes once the field is changed.
  const edited = (key: keyof typeof errors) => setErrors((e) => ({ ...e, [key]: undefined }))

  useEffect(() => {
    setProperties([])
    setPropertyId('')
    if (!customer) return
    let current = true
    listPropertiesAction({ customerId: customer.id }).then((result) => {
      if (!current || !result.ok) return
      setProperties(result.data)
      setPropertyId(result.data[0]?.id ?? '')
    })
    return () => {
      current = false
    }
  }, [customer])

  const pickService = (id: string) => {
    setServiceId(id)
    const service = services.find((s) => s.id === id)
    if (!service) return
    // The service fills what it knows; everything stays editable.
    setTitle(service.name)
    edited('title')
    setPrice((service.base_price_cents / 100).toFixed(2))
    setWhen((w) => ({ ...w, duration: String(service.duration_minutes) }))
  }

  const shown = {
    ...serverScheduleErrors(create.fieldError),
    customer: create.fieldError('customerId'),
    title: create.fieldError('title'),
    price: create.fieldError('priceCents'),
    ...errors,
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>New job</DialogTitle>
          <DialogDescription>Times are in the business’s time zone.</DialogDescription>
        </DialogHeader>
        <form
          aria-label="New job"
          noValidate
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault()
            const read = readSchedule(when, timeZone)
            const local: typeof errors = read.ok ? {} : { ...read.errors }
            if (!customer) local.customer = 'Choose a customer'
            if (!title.trim()) local.title = 'Title is required'
            const cents = price.trim() === '' ? 0 : Math.round(Number(price) * 100)
            if (!Number.isFinite(cents) || cents < 0)
              local.price = 'Enter a price in dollars, like 149.00'
            setErrors(local)
            if (!read.ok || !customer || Object.keys(local).length > 0) return
            create.save({
              customerId: customer.id,
              propertyId: propertyId || null,
              serviceId: serviceId || null,
              title,
              priceCents: cents,
              notes,
              ...read.window,
            })
          }}
        >
          <CustomerPicker
            id="new-job-customer"
            value={customer}
            onChange={(c) => {
              setCustomer(c)
              edited('customer')
            }}
            error={shown.customer}
          />
          {customer ? (
            <Field id="new-job-property" label="Property" error={create.fieldError('propertyId')}>
              {(control) => (
                <NativeSelect
                  {...control}
                  value={propertyId}
                  onChange={(e) => setPropertyId(e.currentTarget.value)}
                >
                  {properties.length === 0 ? (
                    <NativeSelectOption value="">The customer’s address</NativeSelectOption>
                  ) : null}
                  {properties.map((p) => (
                    <NativeSelectOption key={p.id} value={p.id}>
                      {propertyText(p)}
                    </NativeSelectOption>
                  ))}
                </NativeSelect>
              )}
            </Field>
          ) : null}
          <Field id="new-job-service" label="Service">
            {(control) => (
              <NativeSelect
                {...control}
                value={serviceId}
                onChange={(e) => pickService(e.currentTarget.value)}
              >
                <NativeSelectOption value="">No service (type a title)</NativeSelectOption>
                {services.map((s) => (
                  <NativeSelectOption key={s.id} value={s.id}>
                    {s.name}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            )}
          </Field>
          <TextField
            id="new-job-title"
            label="Title"
            name="title"
            required
            value={title}
            onChange={(e) => {
              setTitle(e.currentTarget.value)
              edited('title')
            }}
            error={shown.title}
          />
          <ScheduleFields
            idPrefix="new-job"
            value={when}
            onChange={(next) => {
              setWhen(next)
              setErrors(({ customer, title, price }) => ({ customer, title, price }))
            }}
            staff={staff}
            errors={shown}
          />
          <TextField
            id="new-job-price"
            label="Price (USD)"
            name="price"
            type="number"
            step="0.01"
            min="0"
            inputMode="decimal"
            value={price}
            onChange={(e) => {
              setPrice(e.currentTarget.value)
              edited('price')
            }}
            error={shown.price}
          />
          <TextAreaField
            id="new-job-notes"
            label="Notes"
            name="notes"
            rows={2}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          <DialogFooter>
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" pending={create.pending}>
              Create job
            </Button>
          </DialogFooter>
        </form>
        {create.conflictDialog}
      </DialogContent>
    </Dialog>
  )
}
