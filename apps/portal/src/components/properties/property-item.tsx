'use client'

import { FormMessage, useActionForm } from '@repo/actions/form'
import type { PropertyRow } from '@repo/database/types'
import {
  AWAITING_CONFIRMATION_LABEL,
  formatAddress,
  isAwaitingConfirmation,
} from '@repo/domain/properties'
import { Badge } from '@repo/ui/badge'
import { Button } from '@repo/ui/button'
import { TextAreaField, TextField } from '@repo/ui/field'
import { useId, useRef, useState } from 'react'
import { updatePropertyAction } from '@/actions/properties/update-property-action'

/**
 * One service address: its name, address and access notes; "Edit" opens the name and the notes
 * in place (the address itself is the office's to change). What was typed stays after a refusal.
 */
export function PropertyItem({ property }: { property: PropertyRow }) {
  const [editing, setEditing] = useState(false)
  const editButton = useRef<HTMLButtonElement>(null)
  const headingId = useId()
  const close = () => {
    setEditing(false)
    // Back to the button that opened the form, for keyboard users.
    requestAnimationFrame(() => editButton.current?.focus())
  }
  const { formProps, pending, fieldError, result } = useActionForm(updatePropertyAction, {
    toInput: (form) => ({
      propertyId: property.id,
      label: String(form.get('label') ?? ''),
      access_notes: String(form.get('access_notes') ?? ''),
    }),
    success: 'Property saved.',
    failure: false,
    onSuccess: close,
  })
  const awaiting = isAwaitingConfirmation(property)

  return (
    <li className="space-y-2 py-3" aria-labelledby={headingId} data-testid="property">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="font-medium text-slate-900">
          {property.label}
        </h3>
        {property.is_primary ? <Badge tone="info">Main address</Badge> : null}
        {awaiting ? <Badge tone="warning">{AWAITING_CONFIRMATION_LABEL}</Badge> : null}
      </div>
      <p className="break-words text-sm text-slate-800">{formatAddress(property)}</p>
      {editing ? (
        <form {...formProps} className="space-y-3" aria-label={`Edit ${property.label}`} noValidate>
          <TextField
            id={`label-${property.id}`}
            label="Name"
            name="label"
            defaultValue={property.label}
            maxLength={60}
            required
            error={fieldError('label')}
          />
          <TextAreaField
            id={`notes-${property.id}`}
            label="Access notes"
            name="access_notes"
            rows={3}
            maxLength={2000}
            defaultValue={property.access_notes ?? ''}
            hint="Gate code, pets, parking: what the technician needs at the door."
            error={fieldError('access_notes')}
          />
          {result && !result.ok && !result.fieldErrors ? <FormMessage state={result} /> : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" pending={pending}>
              Save
            </Button>
            <Button variant="secondary" onClick={close} disabled={pending}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <>
          <div className="text-sm">
            <p className="text-slate-700">Access notes</p>
            <p
              className="whitespace-pre-line break-words text-slate-900"
              data-testid="access-notes"
            >
              {property.access_notes ??
                'None yet. Add a gate code, pets or parking tips for the technician.'}
            </p>
          </div>
          <Button
            ref={editButton}
            variant="secondary"
            size="sm"
            onClick={() => setEditing(true)}
            aria-label={`Edit ${property.label}`}
          >
            Edit
          </Button>
        </>
      )}
    </li>
  )
}
