'use client'

import type { ServiceRow } from '@repo/database/types'
import { formatDuration } from '@repo/domain/booking'
import { formatCents } from '@repo/domain/money'
import { cn } from '@repo/ui/cn'

export type ServiceChoice = Pick<
  ServiceRow,
  'id' | 'name' | 'description' | 'base_price_cents' | 'duration_minutes' | 'unit'
>

/** The services bookable online as radio cards: name, what it is, price and length. */
export function ServiceOptions({
  services,
  value,
  currency,
  onChange,
}: {
  services: ServiceChoice[]
  value: string | null
  currency: string
  onChange: (id: string) => void
}) {
  return (
    <fieldset>
      <legend className="sr-only">Service</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {services.map((service) => (
          <label
            key={service.id}
            className={cn(
              'flex cursor-pointer gap-3 rounded-lg border p-3 has-focus-visible:outline-2 has-focus-visible:outline-sky-700',
              value === service.id
                ? 'border-sky-700 bg-sky-50'
                : 'border-slate-300 hover:bg-slate-50',
            )}
          >
            <input
              type="radio"
              name="service"
              value={service.id}
              checked={value === service.id}
              onChange={() => onChange(service.id)}
              className="mt-1 size-4 shrink-0 accent-sky-700"
            />
            <span className="min-w-0 text-sm">
              <span className="block font-medium text-slate-900">{service.name}</span>
              {service.description ? (
                <span className="block text-slate-700">{service.description}</span>
              ) : null}
              <span className="mt-1 block text-slate-800">
                {formatCents(service.base_price_cents, currency)}
                {service.unit && service.unit !== 'each' ? ` per ${service.unit}` : ''} ·{' '}
                {formatDuration(service.duration_minutes)}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
