'use client'

import { useAction } from '@repo/actions/form'
import type { JobRow } from '@repo/database/types'
import { bookButtonLabel, slotSummary } from '@repo/domain/booking'
import type { DayKey } from '@repo/domain/dates'
import { Button } from '@repo/ui/button'
import { Card } from '@repo/ui/card'
import { TextAreaField } from '@repo/ui/field'
import Link from 'next/link'
import { type ReactNode, useId, useRef, useState } from 'react'
import { bookAppointmentAction } from '@/actions/booking/book-appointment-action'
import { BookingConfirmation } from './booking-confirmation'
import { type PropertyChoice, PropertyOptions } from './property-options'
import { type ServiceChoice, ServiceOptions } from './service-options'
import { SlotPicker } from './slot-picker'
import { SlotTakenAlert } from './slot-taken-alert'
import { type SlotPage, useOpenSlots } from './use-open-slots'
import { useSlotChoice } from './use-slot-choice'

interface Props {
  services: ServiceChoice[]
  properties: PropertyChoice[]
  initialServiceId: string | null
  initialPropertyId: string | null
  initialSlots: SlotPage | null
  today: DayKey
  timeZone: string
  currency: string
  horizonDays: number
  instantBooking: boolean
}

function Step({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  const id = useId()
  return (
    <Card aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-base font-semibold text-slate-900">
        <span
          className="mr-2 inline-flex size-6 items-center justify-center rounded-full bg-sky-100 text-sm text-sky-900"
          aria-hidden="true"
        >
          {number}
        </span>
        {title}
      </h2>
      {children}
    </Card>
  )
}

/**
 * Book a service in four steps on one page: the service, the property, a free time (computed by
 * the database from the team's availability), notes. A time taken meanwhile is said at once, with
 * fresh times to pick from; the service, property and notes stay.
 */
export function BookingForm(props: Props) {
  const { services, properties, timeZone, today } = props
  const [serviceId, setServiceId] = useState(props.initialServiceId)
  const [propertyId, setPropertyId] = useState(props.initialPropertyId)
  const [notes, setNotes] = useState('')
  const [missingTime, setMissingTime] = useState(false)
  const [booked, setBooked] = useState<JobRow | null>(null)
  const slots = useOpenSlots({ serviceId, today, initial: props.initialSlots })
  const choice = useSlotChoice(slots)
  const tried = useRef(choice.selected)
  const { run, pending, result } = useAction(bookAppointmentAction, {
    failure: false,
    onSuccess: setBooked,
    onFailure: (failure) => choice.onRefused(failure, tried.current),
  })
  const service = services.find((s) => s.id === serviceId) ?? null
  const property = properties.find((p) => p.id === propertyId) ?? null
  const refusal = result && !result.ok && !result.fieldErrors?.startsAt ? result.error : null

  if (booked && service) {
    return (
      <BookingConfirmation
        job={booked}
        serviceName={service.name}
        propertyLabel={property ? `${property.label}, ${property.address}` : null}
        timeZone={timeZone}
        onBookAnother={() => {
          setBooked(null)
          setNotes('')
          choice.reset()
          void slots.load()
        }}
      />
    )
  }

  const submit = () => {
    if (!serviceId || !choice.selected) {
      setMissingTime(true)
      return
    }
    tried.current = choice.selected
    run({ serviceId, propertyId, startsAt: choice.selected.starts_at, notes })
  }

  return (
    <div className="space-y-4">
      <Step number={1} title="Pick a service">
        <ServiceOptions
          services={services}
          value={serviceId}
          currency={props.currency}
          onChange={(id) => {
            setServiceId(id)
            choice.reset()
          }}
        />
      </Step>

      <Step number={2} title="Where">
        <PropertyOptions properties={properties} value={propertyId} onChange={setPropertyId} />
      </Step>

      <Step number={3} title="Pick a day and time">
        {service ? (
          <div className="space-y-3">
            {choice.taken ? (
              <SlotTakenAlert
                message={choice.taken.message}
                next={choice.taken.next}
                timeZone={timeZone}
                onPick={choice.select}
              />
            ) : null}
            <SlotPicker
              slots={slots}
              timeZone={timeZone}
              today={today}
              horizonDays={props.horizonDays}
              selected={choice.selected}
              onSelect={(slot) => {
                setMissingTime(false)
                choice.select(slot)
              }}
            />
          </div>
        ) : (
          <p className="text-sm text-slate-700">Pick a service first to see the free times.</p>
        )}
      </Step>

      <Step number={4} title="Anything we should know?">
        <form
          className="space-y-3"
          aria-label="Booking details"
          onSubmit={(event) => {
            event.preventDefault()
            submit()
          }}
        >
          <TextAreaField
            label="Notes (optional)"
            name="notes"
            rows={3}
            maxLength={2000}
            value={notes}
            onChange={(event) => setNotes(event.target.value)}
            hint="Rooms, stains, pets: anything that helps the technician."
          />
          <div
            className="rounded-lg bg-slate-50 p-3 text-sm text-slate-800"
            aria-live="polite"
            data-testid="booking-summary"
          >
            {service && choice.selected ? (
              <>
                <p className="font-medium text-slate-900">{service.name}</p>
                <p>{slotSummary(choice.selected, timeZone)}</p>
                {property ? (
                  <p>
                    {property.label}: {property.address}
                  </p>
                ) : null}
              </>
            ) : (
              <p>Pick a service and a time to book.</p>
            )}
          </div>
          {missingTime && !choice.selected ? (
            <p role="alert" className="text-sm text-red-800">
              {service ? 'Pick a day and time first.' : 'Pick a service and a time first.'}
            </p>
          ) : null}
          {choice.taken && !choice.selected ? (
            <p className="text-sm text-amber-900">
              That time was just taken: pick one of the free times above.
            </p>
          ) : null}
          {refusal ? (
            <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-900">
              {refusal}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" pending={pending} className="w-full sm:w-auto">
              {bookButtonLabel({ instant_booking: props.instantBooking })}
            </Button>
            <Link
              href="/appointments"
              className="inline-flex min-h-11 items-center text-sm font-medium text-sky-800 underline"
            >
              Cancel
            </Link>
          </div>
        </form>
      </Step>
    </div>
  )
}
