'use client'

import { FormMessage, useActionForm } from '@repo/actions/form'
import { type Country, currencies, defaultCurrency } from '@repo/domain/organizations'
import { Button } from '@repo/ui/button'
import { Field, TextField } from '@repo/ui/field'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import { useEffect, useState } from 'react'
import { createBusinessAction } from '@/actions/business/create-business-action.ts'

export function SetupForm({
  ownerName,
  timeZones,
  countries,
}: {
  ownerName: string
  timeZones: string[]
  countries: readonly Country[]
}) {
  const { formProps, pending, fieldError, value, result } = useActionForm(createBusinessAction, { failure: false })
  const [timezone, setTimezone] = useState('America/New_York')
  const [country, setCountry] = useState('US')
  const [currency, setCurrency] = useState('USD')
  // The browser knows where the founder is; the server render cannot.
  useEffect(() => {
    const here = Intl.DateTimeFormat().resolvedOptions().timeZone
    if (timeZones.includes(here)) setTimezone(here)
  }, [timeZones])

  return (
    <form {...formProps} className="mt-6 space-y-4" noValidate>
      <TextField label="Business name" name="name" required autoComplete="organization" defaultValue={value('name')} error={fieldError('name')} />
      <TextField label="Your name" name="ownerName" required autoComplete="name" defaultValue={value('ownerName') ?? ownerName} error={fieldError('ownerName')} />
      <Field id="setup-timezone" label="Time zone" error={fieldError('timezone')} hint="Appointments and invoices use it.">
        {(control) => (
          <NativeSelect {...control} name="timezone" value={timezone} onChange={(e) => setTimezone(e.target.value)}>
            {timeZones.map((zone) => (
              <NativeSelectOption key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        )}
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field id="setup-country" label="Country" error={fieldError('countryCode')}>
          {(control) => (
            <NativeSelect
              {...control}
              name="countryCode"
              value={country}
              onChange={(e) => {
                setCountry(e.target.value)
                setCurrency(defaultCurrency(e.target.value))
              }}
            >
              {countries.map((c) => (
                <NativeSelectOption key={c.code} value={c.code}>
                  {c.name}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Field id="setup-currency" label="Currency" error={fieldError('currency')}>
          {(control) => (
            <NativeSelect {...control} name="currency" value={currency} onChange={(e) => setCurrency(e.target.value)}>
              {currencies.map((code) => (
                <NativeSelectOption key={code} value={code}>
                  {code}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          )}
        </Field>
      </div>
      <TextField label="Phone (shown to customers)" name="phone" type="tel" autoComplete="tel" defaultValue={value('phone')} error={fieldError('phone')} />
      <TextField label="Address (shown to customers)" name="address" autoComplete="street-address" defaultValue={value('address')} error={fieldError('address')} />
      <FormMessage state={result} />
      <Button type="submit" pending={pending} className="w-full">
        {pending ? 'Setting up…' : 'Create my business'}
      </Button>
    </form>
  )
}
