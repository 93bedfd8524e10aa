'use client'

import { FormMessage, useActionForm } from '@repo/actions/form'
import { Button } from '@repo/ui/button'
import { TextAreaField, TextField } from '@repo/ui/field'
import { useEffect, useRef, useState } from 'react'
import { addPropertyAction } from '@/actions/properties/add-property-action'

const addressFields = [
  {
    name: 'address_line1',
    label: 'Street address',
    autoComplete: 'address-line1',
    required: true,
    maxLength: 200,
  },
  {
    name: 'address_line2',
    label: 'Apartment, unit (optional)',
    autoComplete: 'address-line2',
    required: false,
    maxLength: 200,
  },
  { name: 'city', label: 'City', autoComplete: 'address-level2', required: false, maxLength: 100 },
  {
    name: 'region',
    label: 'State or region',
    autoComplete: 'address-level1',
    required: false,
    maxLength: 100,
  },
  {
    name: 'postal_code',
    label: 'Postal code',
    autoComplete: 'postal-code',
    required: false,
    maxLength: 20,
  },
] as const

/**
 * "Add a property": a name, the address and access notes. The office confirms it; until then it
 * shows as waiting for confirmation. Opens by itself when the page is reached at #add-property.
 */
export function AddPropertyForm() {
  const [open, setOpen] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  const first = useRef<HTMLInputElement>(null)
  const { formProps, pending, fieldError, result, value } = useActionForm(addPropertyAction, {
    success: 'Property added. We will confirm it shortly.',
    failure: false,
    resetOnSuccess: true,
    onSuccess: () => {
      setOpen(false)
      requestAnimationFrame(() => opener.current?.focus())
    },
  })

  useEffect(() => {
    if (window.location.hash === '#add-property') setOpen(true)
  }, [])
  useEffect(() => {
    if (open) first.current?.focus()
  }, [open])

  if (!open) {
    return (
      <Button ref={opener} id="add-property" variant="secondary" onClick={() => setOpen(true)}>
        Add a property
      </Button>
    )
  }
  return (
    <form
      {...formProps}
      id="add-property"
      aria-labelledby="add-property-heading"
      className="space-y-3 border-t border-slate-200 pt-4"
      noValidate
    >
      <h3 id="add-property-heading" className="font-medium text-slate-900">
        Add a property
      </h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          ref={first}
          id="new-property-label"
          label="Name"
          name="label"
          placeholder="Home, Rental, Office…"
          maxLength={60}
          required
          defaultValue={value('label') ?? ''}
          error={fieldError('label')}
          className="sm:col-span-2"
        />
        {addressFields.map((field) => (
          <TextField
            key={field.name}
            id={`new-property-${field.name}`}
            label={field.label}
            name={field.name}
            autoComplete={field.autoComplete}
            required={field.required}
            maxLength={field.maxLength}
            defaultValue={value(field.name) ?? ''}
            error={fieldError(field.name)}
            className={field.name === 'address_line1' ? 'sm:col-span-2' : undefined}
          />
        ))}
        <TextAreaField
          id="new-property-access_notes"
          label="Access notes (optional)"
          name="access_notes"
          rows={3}
          maxLength={2000}
          defaultValue={value('access_notes') ?? ''}
          hint="Gate code, pets, parking: what the technician needs at the door."
          error={fieldError('access_notes')}
          className="sm:col-span-2"
        />
      </div>
      {result && !result.ok ? <FormMessage state={result} /> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={pending}>
          Add property
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  )
}
