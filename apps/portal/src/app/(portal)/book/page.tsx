import { listCustomerProperties, listServices } from '@repo/database/repositories'
import { bookingUnavailableReason } from '@repo/domain/booking'
import {
  activeProperties,
  defaultPropertyId,
  formatAddress,
  isAwaitingConfirmation,
} from '@repo/domain/properties'
import { dayKey } from '@repo/domain/dates'
import type { Metadata } from 'next'
import { BookingForm } from '@/components/booking/booking-form'
import { BookingUnavailable } from '@/components/booking/booking-unavailable'
import { loadSlotPage } from '@/lib/load-slot-page'
import { requirePortalSession } from '@/lib/portal-session'

export const metadata: Metadata = { title: 'Book a service' }

export default async function BookPage({
  searchParams,
}: {
  searchParams: Promise<{ service?: string | string[] }>
}) {
  const { supabase, customer, organization } = await requirePortalSession()
  const [services, properties, params] = await Promise.all([
    listServices(supabase, organization.id),
    listCustomerProperties(supabase, customer.id),
    searchParams,
  ])
  const bookable = services.filter((service) => service.bookable_online)
  const unavailable = bookingUnavailableReason(organization, bookable.length, organization.name)
  const tz = organization.timezone
  const today = dayKey(new Date(), tz)
  // A link may name the service (`/book?service=…`); with a single service there is nothing to pick.
  const named = bookable.find((service) => service.id === params.service)?.id
  const initialServiceId = named ?? (bookable.length === 1 ? (bookable[0]?.id ?? null) : null)
  const places = activeProperties(properties)
  const initialSlots =
    !unavailable && initialServiceId
      ? await loadSlotPage(supabase, { serviceId: initialServiceId, first: today, timeZone: tz })
      : null

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">Book a service</h1>
        <p className="text-sm text-slate-700">
          {organization.instant_booking
            ? 'Pick a service and a free time: it is booked straight away.'
            : 'Pick a service and a free time: we confirm your request shortly.'}
        </p>
      </div>
      {unavailable ? (
        <BookingUnavailable reason={unavailable} phone={organization.phone} />
      ) : (
        <BookingForm
          services={bookable.map(
            ({ id, name, description, base_price_cents, duration_minutes, unit }) => ({
              id,
              name,
              description,
              base_price_cents,
              duration_minutes,
              unit,
            }),
          )}
          properties={places.map((p) => ({
            id: p.id,
            label: p.label,
            address: formatAddress(p),
            awaitingConfirmation: isAwaitingConfirmation(p),
          }))}
          initialServiceId={initialServiceId}
          initialPropertyId={defaultPropertyId(places)}
          initialSlots={initialSlots}
          today={today}
          timeZone={tz}
          currency={organization.currency}
          horizonDays={organization.booking_horizon_days}
          instantBooking={organization.instant_booking}
        />
      )}
    </div>
  )
}
