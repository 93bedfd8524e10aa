'use client'

import type { CustomerRow } from '@repo/database/types'
import { Button } from '@repo/ui/button'
import { Card, CardHeader } from '@repo/ui/card'
import { TextField } from '@repo/ui/field'
import { useActionForm } from '@repo/actions/form'
import { updateProfileAction } from '@/actions/profile/update-profile-action'
import { FormMessage } from '@repo/actions/form'

const fields = [
  { name: 'first_name', label: 'First name', autoComplete: 'given-name' },
  { name: 'last_name', label: 'Last name', autoComplete: 'family-name' },
  { name: 'email', label: 'Contact email', autoComplete: 'email', type: 'email' },
  { name: 'phone', label: 'Phone', autoComplete: 'tel', type: 'tel' },
  { name: 'address_line1', label: 'Address', autoComplete: 'address-line1' },
  { name: 'address_line2', label: 'Address line 2', autoComplete: 'address-line2' },
  { name: 'city', label: 'City', autoComplete: 'address-level2' },
  { name: 'region', label: 'State or region', autoComplete: 'address-level1' },
  { name: 'postal_code', label: 'Postal code', autoComplete: 'postal-code' },
] as const

export function ProfileForm({ customer }: { customer: CustomerRow }) {
  // A refusal is announced above the button (FormMessage), a success in a toast.
  const { formProps, result: state, pending, fieldError, value } = useActionForm(updateProfileAction, {
    success: 'Your details are saved.',
    failure: false,
    // Show what was saved (trimmed, emptied fields cleared) rather than what was typed.
    resetOnSuccess: true,
  })
  return (
    <Card aria-labelledby="contact-heading">
      <CardHeader id="contact-heading" title="Contact details and address" />
      <form {...formProps} className="grid gap-3 sm:grid-cols-2" noValidate>
        {fields.map((f) => (
          <TextField
            key={f.name}
            label={f.label}
            name={f.name}
            type={'type' in f ? f.type : 'text'}
            autoComplete={f.autoComplete}
            defaultValue={(state?.ok ? state.data[f.name] : (value(f.name) ?? customer[f.name])) ?? ''}
            error={fieldError(f.name)}
          />
        ))}
        <div className="space-y-2 sm:col-span-2">
          {state && !state.ok ? <FormMessage state={state} /> : null}
          <Button type="submit" pending={pending}>
            Save details
          </Button>
        </div>
      </form>
    </Card>
  )
}
