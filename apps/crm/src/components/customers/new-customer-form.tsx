'use client'

import { useActionForm } from '@repo/actions/form'
import { Button } from '@repo/ui/button'
import { TextField } from '@repo/ui/field'
import { useRouter } from 'next/navigation'
import { createCustomerAction } from '@/actions/customers/create-customer-action.ts'
import { customerFieldType, customerFields } from './customer-fields.ts'

export function NewCustomerForm() {
  const router = useRouter()
  const { formProps, pending, fieldError, value } = useActionForm(createCustomerAction, {
    success: (customer) => `${customer.first_name} ${customer.last_name} added`,
    onSuccess: (customer) => router.push(`/customers/${customer.id}`),
  })
  return (
    <form {...formProps} noValidate aria-label="New customer" className="grid gap-4 sm:grid-cols-2">
      {customerFields.map(([name, label]) => (
        <TextField
          key={name}
          label={label}
          name={name}
          type={customerFieldType(name)}
          required={name === 'first_name' || name === 'last_name'}
          defaultValue={value(name)}
          error={fieldError(name)}
        />
      ))}
      <div className="sm:col-span-2">
        <Button type="submit" pending={pending}>
          {pending ? 'Adding…' : 'Add customer'}
        </Button>
      </div>
    </form>
  )
}
