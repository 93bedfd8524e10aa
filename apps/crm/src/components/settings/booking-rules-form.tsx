'use client'

import { useActionForm } from '@repo/actions/form'
import type { OrganizationRow } from '@repo/database/types'
import { bookingRuleLimits, describeBookingRules, slotStepOptions } from '@repo/domain/availability'
import { Button } from '@repo/ui/button'
import { Checkbox } from '@repo/ui/checkbox'
import { Field, TextField } from '@repo/ui/field'
import { Label } from '@repo/ui/label'
import { NativeSelect, NativeSelectOption } from '@repo/ui/native-select'
import Link from 'next/link'
import { updateBookingRulesAction } from '@/actions/business/update-booking-rules-action.ts'

/** How customers book online; owners and admins change it, office staff read it. */
export function BookingRulesForm({
  organization: org,
  canEdit,
}: {
  organization: OrganizationRow
  canEdit: boolean
}) {
  const { formProps, pending, fieldError } = useActionForm(updateBookingRulesAction, {
    success: 'Booking rules saved',
  })
  const { leadHours, horizonDays, bufferMinutes } = bookingRuleLimits
  return (
    <form {...formProps} noValidate aria-label="Booking rules" className="space-y-4">
      <p data-testid="booking-summary" className="text-sm text-slate-700">
        {describeBookingRules(org)}
      </p>
      <fieldset disabled={!canEdit} className="space-y-4">
        <legend className="sr-only">Booking rules</legend>
        <div className="space-y-2">
          {(
            [
              ['onlineBooking', 'Customers can book online', org.online_booking],
              [
                'instantBooking',
                'Schedule online bookings at once (no office approval)',
                org.instant_booking,
              ],
            ] as const
          ).map(([name, label, checked]) => (
            <div key={name} className="flex min-h-11 items-center gap-3">
              <Checkbox id={`booking-${name}`} name={name} defaultChecked={checked} />
              <Label htmlFor={`booking-${name}`} className="font-normal">
                {label}
              </Label>
            </div>
          ))}
        </div>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <TextField
            label="Lead time (hours)"
            name="leadHours"
            type="number"
            min={leadHours.min}
            max={leadHours.max}
            defaultValue={org.booking_lead_hours}
            hint="How soon the first bookable time is."
            error={fieldError('leadHours')}
          />
          <TextField
            label="Book ahead up to (days)"
            name="horizonDays"
            type="number"
            min={horizonDays.min}
            max={horizonDays.max}
            defaultValue={org.booking_horizon_days}
            error={fieldError('horizonDays')}
          />
          <TextField
            label="Buffer between jobs (minutes)"
            name="bufferMinutes"
            type="number"
            min={bufferMinutes.min}
            max={bufferMinutes.max}
            defaultValue={org.booking_buffer_minutes}
            hint="Travel and set-up time."
            error={fieldError('bufferMinutes')}
          />
          <Field
            id="booking-slot-step"
            label="Free times start every"
            error={fieldError('slotStepMinutes')}
          >
            {(control) => (
              <NativeSelect
                {...control}
                name="slotStepMinutes"
                defaultValue={String(org.booking_slot_step_minutes)}
              >
                {slotStepOptions.map((minutes) => (
                  <NativeSelectOption key={minutes} value={String(minutes)}>
                    {minutes} minutes
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            )}
          </Field>
        </div>
      </fieldset>
      <p className="text-sm text-slate-700">
        Which services can be booked online is set per service under{' '}
        <Link href="/settings#services-heading" className="text-sky-800 underline">
          Services
        </Link>
        .
      </p>
      {canEdit ? (
        <Button type="submit" pending={pending}>
          Save booking rules
        </Button>
      ) : (
        <p className="text-sm text-slate-700">Only owners and admins change the booking rules.</p>
      )}
    </form>
  )
}
