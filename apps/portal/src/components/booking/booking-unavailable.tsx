import { Button } from '@repo/ui/button'
import { Card } from '@repo/ui/card'
import Link from 'next/link'

/** Online booking is off (or nothing is bookable): say so, and how to book anyway. */
export function BookingUnavailable({ reason, phone }: { reason: string; phone: string | null }) {
  return (
    <Card aria-labelledby="unavailable-heading" className="space-y-3">
      <h2 id="unavailable-heading" className="text-base font-semibold text-slate-900">
        Booking online is not available
      </h2>
      <p className="text-sm text-slate-700">
        {reason} Send us a message and we will find a time with you.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <Button asChild>
          <Link href="/messages">Message us</Link>
        </Button>
        {phone ? (
          <a
            href={`tel:${phone.replace(/[^+\d]/g, '')}`}
            className="inline-flex min-h-11 items-center text-sm font-medium text-sky-800 underline"
          >
            Call {phone}
          </a>
        ) : null}
      </div>
    </Card>
  )
}
