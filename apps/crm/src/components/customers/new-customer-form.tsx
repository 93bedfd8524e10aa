'use client'

import { useActionForm } from '@repo/actions/form'
import { customerContactFields, customerFieldInputType, customerFieldLabel } from '@repo/domain/customers'
import { Button } from '@repo/ui/button'
import { TextField } from '@repo/ui/field'
import { useRouter } from 'next/navigation'
import { createCustomerAction } from '@/actions/customers/create-customer-action.ts'

export function NewCustomerForm() {
  const router = useRouter()
  const { formProps, pending, fieldError, value } = useActionForm(createCustomerAction, {
    success: (customer) => `${customer.first_name} ${customer.last_name} added`,
    onSuccess: (customer) => router.push(`/customers/${customer.id}`),
  })
  return (
    <form {...formProps} noValidate aria-label="New customer" className="grid gap-4 sm:grid-cols-2">
      {customerContactFields.map((name) => (
        <TextField
          key={name}
          label={customerFieldLabel[name]}
          name={name}
          type={customerFieldInputType(name)}
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
