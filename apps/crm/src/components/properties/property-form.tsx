'use client'

import { useActionForm } from '@repo/actions/form'
import type { PropertyRow } from '@repo/database/types'
import { customerFieldLabel } from '@repo/domain/customers'
import {
  MAX_ACCESS_NOTES_CHARS,
  MAX_PROPERTY_LABEL_CHARS,
  propertyLabelSuggestions,
} from '@repo/domain/properties'
import { Checkbox } from '@repo/ui/checkbox'
import { TextAreaField, TextField } from '@repo/ui/field'
import { Label } from '@repo/ui/label'
import { useId } from 'react'
import {
  createPropertyAction,
  updatePropertyAction,
} from '@/actions/properties/property-actions.ts'
import { FormActions } from '@/components/forms/form-actions.tsx'

const addressFields = ['address_line1', 'address_line2', 'city', 'region', 'postal_code'] as const
const text = (form: FormData, name: string) => String(form.get(name) ?? '')

function fieldsOf(form: FormData) {
  return {
    label: text(form, 'label'),
    address_line1: text(form, 'address_line1'),
    address_line2: text(form, 'address_line2'),
    city: text(form, 'city'),
    region: text(form, 'region'),
    postal_code: text(form, 'postal_code'),
    access_notes: text(form, 'access_notes'),
  }
}

/** Adds a property to a customer, or edits one (`property`); closes itself after a save. */
export function PropertyForm({
  customerId,
  property,
  onDone,
}: {
  customerId: string
  property?: PropertyRow
  onDone: () => void
}) {
  const id = useId()
  const create = useActionForm(createPropertyAction, {
    toInput: (form: FormData) => ({
      customerId,
      ...fieldsOf(form),
      makeMain: form.get('makeMain') === 'on',
    }),
    success: (p) => `${p.label} added`,
    onSuccess: onDone,
  })
  const update = useActionForm(updatePropertyAction, {
    toInput: (form: FormData) => ({ propertyId: property?.id ?? '', ...fieldsOf(form) }),
    success: (p) => `${p.label} saved`,
    onSuccess: onDone,
  })
  const { formProps, pending, fieldError } = property ? update : create
  const suggestions = `${id}-labels`

  return (
    <form
      {...formProps}
      noValidate
      aria-label={property ? `Edit ${property.label}` : 'New property'}
      className="grid gap-3 rounded-xl border border-sky-200 bg-sky-50/40 p-3 sm:grid-cols-2 sm:p-4"
    >
      <TextField
        id={`${id}-label`}
        label="Label"
        name="label"
        list={suggestions}
        maxLength={MAX_PROPERTY_LABEL_CHARS}
        defaultValue={property?.label ?? ''}
        placeholder="e.g. Rental, Office"
        required
        error={fieldError('label')}
      />
      <datalist id={suggestions}>
        {propertyLabelSuggestions.map((label) => (
          <option key={label} value={label} />
        ))}
      </datalist>
      {addressFields.map((name) => (
        <TextField
          key={name}
          id={`${id}-${name}`}
          label={name === 'address_line1' ? 'Street address' : customerFieldLabel[name]}
          name={name}
          required={name === 'address_line1'}
          defaultValue={property?.[name] ?? ''}
          error={fieldError(name)}
        />
      ))}
      <TextAreaField
        id={`${id}-access`}
        label="Access notes"
        name="access_notes"
        rows={3}
        maxLength={MAX_ACCESS_NOTES_CHARS}
        defaultValue={property?.access_notes ?? ''}
        placeholder="Gate code, pets, parking…"
        hint="Technicians see these at the door."
        error={fieldError('access_notes')}
        className="sm:col-span-2"
      />
      {property ? null : (
        <div className="flex min-h-11 items-center gap-3 sm:col-span-2">
          <Checkbox id={`${id}-main`} name="makeMain" />
          <Label htmlFor={`${id}-main`} className="font-normal">
            Make this the main property
          </Label>
        </div>
      )}
      <FormActions
        submitLabel={property ? 'Save property' : 'Add property'}
        pendingLabel="Saving…"
        pending={pending}
        onClose={onDone}
        className="sm:col-span-2"
      />
    </form>
  )
}
