'use client'

import {
  dayChipParts,
  earlierSlotPage,
  firstDayWithSlots,
  groupSlotsByDay,
  hasLaterSlotPage,
  SLOT_PAGE_DAYS,
  type Slot,
  slotPageRange,
  slotTimeLabel,
} from '@repo/domain/booking'
import { addDaysToKey, type DayKey, dayKey, formatDay } from '@repo/domain/dates'
import { Button } from '@repo/ui/button'
import { cn } from '@repo/ui/cn'
import { useId, useMemo, useState } from 'react'
import type { OpenSlots } from './use-open-slots'

interface Props {
  slots: OpenSlots
  /** The business's time zone: days and times are its own. */
  timeZone: string
  today: DayKey
  /** How far ahead customers may book (the business's horizon, in days). */
  horizonDays: number
  selected: Slot | null
  onSelect: (slot: Slot) => void
  /** A start not to offer (the appointment's current time, when moving it). */
  exclude?: string | undefined
}

/**
 * Two weeks of days (those without a free time are shown but cannot be picked), then the chosen
 * day's free times as buttons. Every button is a real button: Tab and Enter work throughout, and
 * each time's accessible name carries its day.
 */
export function SlotPicker({
  slots,
  timeZone,
  today,
  horizonDays,
  selected,
  onSelect,
  exclude,
}: Props) {
  const { page, loading, error } = slots
  const first = page?.first ?? today
  const days = useMemo(() => {
    const shown = (page?.slots ?? []).filter(
      (slot) => Date.parse(slot.starts_at) !== Date.parse(exclude ?? ''),
    )
    return groupSlotsByDay(shown, timeZone, first)
  }, [page, timeZone, first, exclude])
  const [chosenDay, setChosenDay] = useState<DayKey | null>(null)
  const headingId = useId()
  // The chosen day while it is on this page and has times; else the selected slot's day; else the first free day.
  const selectedDay = selected ? dayKey(selected.starts_at, timeZone) : null
  const shownDay =
    [chosenDay, selectedDay].find(
      (d) => d && days.some((day) => day.day === d && day.slots.length > 0),
    ) ?? firstDayWithSlots(days)
  const day = days.find((d) => d.day === shownDay) ?? null
  const busy = loading || !page

  const goTo = (key: DayKey) => {
    setChosenDay(null)
    void slots.load(key)
  }

  return (
    <div className="space-y-3" aria-busy={busy || undefined}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium text-slate-900">{slotPageRange(first)}</p>
        <div className="flex gap-2">
          {first > today ? (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => goTo(earlierSlotPage(first, today))}
              disabled={loading}
            >
              Earlier dates
            </Button>
          ) : null}
          {hasLaterSlotPage(first, today, horizonDays) ? (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => goTo(addDaysToKey(first, SLOT_PAGE_DAYS))}
              disabled={loading}
            >
              Show later dates
            </Button>
          ) : null}
        </div>
      </div>

      {error ? (
        <div role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-900">
          <p>{error}</p>
          <Button variant="link" className="min-h-0 px-0" onClick={() => void slots.load()}>
            Try again
          </Button>
        </div>
      ) : null}

      <p role="status" className={busy && !error ? 'text-sm text-slate-700' : 'sr-only'}>
        {busy && !error
          ? 'Looking for free times…'
          : day
            ? `${day.slots.length} free times on ${day.label}`
            : ''}
      </p>

      {/* Fourteen days in two rows of seven: no sideways scrolling on a phone. */}
      <ul className="grid grid-cols-7 gap-1" aria-label="Days">
        {days.map((d) => {
          const chip = dayChipParts(d.day)
          const open = d.slots.length > 0
          const current = d.day === shownDay
          return (
            <li key={d.day}>
              <Button
                variant={current ? 'primary' : 'secondary'}
                disabled={!open || loading}
                aria-pressed={current}
                onClick={() => setChosenDay(d.day)}
                className={cn(
                  'min-h-14 w-full flex-col gap-0 whitespace-normal px-0 text-xs font-normal leading-tight',
                  !open && 'border-transparent bg-slate-100 disabled:text-slate-600',
                )}
              >
                {/* Read as "Wed, Dec 2, 4 free times"; shown as weekday, day, month. */}
                <span>
                  {chip.weekday}
                  <span className="sr-only">,</span>
                </span>
                <span
                  className={cn(
                    'order-last text-[10px]',
                    current ? 'text-sky-100' : 'text-slate-600',
                  )}
                >
                  {chip.month}
                </span>
                <span className="text-sm font-semibold">
                  <span className="sr-only"> </span>
                  {chip.day}
                </span>
                <span className="sr-only">
                  ,{' '}
                  {open
                    ? `${d.slots.length} free ${d.slots.length === 1 ? 'time' : 'times'}`
                    : 'no free times'}
                </span>
              </Button>
            </li>
          )
        })}
      </ul>

      {day ? (
        <section aria-labelledby={headingId} className="space-y-2">
          <h3 id={headingId} className="text-sm font-semibold text-slate-900">
            Free times on {day.label}
          </h3>
          <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4">
            {day.slots.map((slot) => {
              const isSelected = selected?.starts_at === slot.starts_at
              return (
                <li key={slot.starts_at}>
                  <Button
                    variant={isSelected ? 'primary' : 'secondary'}
                    className="w-full px-2 tabular-nums"
                    aria-pressed={isSelected}
                    disabled={loading}
                    onClick={() => onSelect(slot)}
                    data-testid="slot"
                    data-starts-at={slot.starts_at}
                  >
                    {/* The day is read too: "Tue, Dec 8 at 9:00 AM". */}
                    <span className="sr-only">{formatDay(slot.starts_at, timeZone)} at </span>
                    {slotTimeLabel(slot, timeZone)}
                  </Button>
                </li>
              )
            })}
          </ul>
        </section>
      ) : !busy && !error ? (
        <p className="rounded-lg bg-slate-50 p-3 text-sm text-slate-700">
          No free times between {slotPageRange(first).replace(' – ', ' and ')}.
          {hasLaterSlotPage(first, today, horizonDays)
            ? ' Try later dates.'
            : ' Please message us to find a time.'}
        </p>
      ) : null}
    </div>
  )
}
