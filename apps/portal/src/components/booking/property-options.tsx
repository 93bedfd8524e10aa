'use client'

import { AWAITING_CONFIRMATION_LABEL } from '@repo/domain/properties'
import { Badge } from '@repo/ui/badge'
import { cn } from '@repo/ui/cn'
import Link from 'next/link'

export interface PropertyChoice {
  id: string
  label: string
  address: string
  awaitingConfirmation: boolean
}

/** The customer's properties as radio cards (the main one chosen to start with). */
export function PropertyOptions({
  properties,
  value,
  onChange,
}: {
  properties: PropertyChoice[]
  value: string | null
  onChange: (id: string) => void
}) {
  return (
    <div className="space-y-2">
      {properties.length === 0 ? (
        <p className="text-sm text-slate-700">We will come to the address on your profile.</p>
      ) : (
        <fieldset>
          <legend className="sr-only">Property</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {properties.map((property) => (
              <label
                key={property.id}
                className={cn(
                  'flex cursor-pointer gap-3 rounded-lg border p-3 has-focus-visible:outline-2 has-focus-visible:outline-sky-700',
                  value === property.id
                    ? 'border-sky-700 bg-sky-50'
                    : 'border-slate-300 hover:bg-slate-50',
                )}
              >
                <input
                  type="radio"
                  name="property"
                  value={property.id}
                  checked={value === property.id}
                  onChange={() => onChange(property.id)}
                  className="mt-1 size-4 shrink-0 accent-sky-700"
                />
                <span className="min-w-0 text-sm">
                  <span className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                    {property.label}
                    {property.awaitingConfirmation ? (
                      <Badge tone="warning">{AWAITING_CONFIRMATION_LABEL}</Badge>
                    ) : null}
                  </span>
                  <span className="block break-words text-slate-700">{property.address}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <Link
        href="/profile#add-property"
        className="inline-flex min-h-11 items-center text-sm font-medium text-sky-800 underline"
      >
        Add a property
      </Link>
    </div>
  )
}
