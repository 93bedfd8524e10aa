'use client'

import { FormMessage, useActionForm } from '@repo/actions/form'
import { type Country, defaultCurrency } from '@repo/domain/organizations'
import { Button } from '@repo/ui/button'
import { TextField } from '@repo/ui/field'
import { useEffect, useState } from 'react'
import { createBusinessAction } from '@/actions/business/create-business-action.ts'
import { CountryField, CurrencyField, TimeZoneField } from '@/components/settings/business-locale-fields.tsx'

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
      <TimeZoneField
        id="setup-timezone"
        timeZones={timeZones}
        value={timezone}
        onChange={(e) => setTimezone(e.target.value)}
        hint="Appointments and invoices use it."
        error={fieldError('timezone')}
      />
      <div className="grid grid-cols-2 gap-3">
        <CountryField
          id="setup-country"
          countries={countries}
          value={country}
          onChange={(e) => {
            setCountry(e.target.value)
            setCurrency(defaultCurrency(e.target.value))
          }}
          error={fieldError('countryCode')}
        />
        <CurrencyField id="setup-currency" value={currency} onChange={(e) => setCurrency(e.target.value)} error={fieldError('currency')} />
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
