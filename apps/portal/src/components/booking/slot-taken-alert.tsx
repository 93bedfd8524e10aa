'use client'

import { type Slot, slotAccessibleName } from '@repo/domain/booking'
import { Button } from '@repo/ui/button'
import { useEffect, useRef } from 'react'

/** "That time was just taken", with the next free times to pick from right there. */
export function SlotTakenAlert({
  message,
  next,
  timeZone,
  onPick,
}: {
  message: string
  /** The next free times after the taken one (fresh from the database); empty while loading. */
  next: Slot[]
  timeZone: string
  onPick: (slot: Slot) => void
}) {
  // The refusal comes back while the customer is at the button below: bring the news into view.
  const box = useRef<HTMLDivElement>(null)
  // A block body: newer browsers return a promise from scrollIntoView, which React would take
  // for a cleanup function.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'center' })
  }, [])
  return (
    <div
      ref={box}
      role="alert"
      className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
      data-testid="slot-taken"
    >
      <p className="font-medium">{message}</p>
      {next.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label="Next free times">
          {next.map((slot) => (
            <li key={slot.starts_at}>
              <Button variant="secondary" size="sm" onClick={() => onPick(slot)}>
                {slotAccessibleName(slot, timeZone)}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
