'use client'

import { useAction } from '@repo/actions/form'
import { slotSummary } from '@repo/domain/booking'
import type { DayKey } from '@repo/domain/dates'
import { Button } from '@repo/ui/button'
import { useRef } from 'react'
import { moveAppointmentAction } from '@/actions/appointments/move-appointment-action'
import { SlotPicker } from '../booking/slot-picker'
import { SlotTakenAlert } from '../booking/slot-taken-alert'
import { type SlotPage, useOpenSlots } from '../booking/use-open-slots'
import { useSlotChoice } from '../booking/use-slot-choice'

interface Props {
  jobId: string
  serviceId: string
  /** The appointment's current start: not offered as a new time. */
  currentStart: string
  /** Whether the new time waits for the office (no instant booking). */
  needsConfirmation: boolean
  initialSlots: SlotPage | null
  today: DayKey
  timeZone: string
  horizonDays: number
}

/**
 * Moves the appointment to a free time of its service (its own time counts as free). The page
 * shows the new time once saved and the live update announces it; the business's policy and a
 * time taken meanwhile are answered right here.
 */
export function RescheduleSlotForm({
  jobId,
  serviceId,
  currentStart,
  needsConfirmation,
  initialSlots,
  today,
  timeZone,
  horizonDays,
}: Props) {
  const slots = useOpenSlots({ serviceId, jobId, today, initial: initialSlots })
  const choice = useSlotChoice(slots)
  const tried = useRef(choice.selected)
  const { run, pending, result } = useAction(moveAppointmentAction, {
    failure: false,
    onFailure: (failure) => choice.onRefused(failure, tried.current),
  })
  const refusal = result && !result.ok && !result.fieldErrors?.startsAt ? result.error : null

  return (
    <form
      className="space-y-3"
      aria-label="Pick a new time"
      onSubmit={(event) => {
        event.preventDefault()
        if (!choice.selected) return
        tried.current = choice.selected
        run({ jobId, startsAt: choice.selected.starts_at })
      }}
    >
      <p className="text-sm text-slate-700">
        Pick a free time{needsConfirmation ? '; the new time waits for our confirmation.' : '.'}
      </p>
      {choice.taken ? (
        <SlotTakenAlert
          message={choice.taken.message}
          next={choice.taken.next.filter(
            (s) => Date.parse(s.starts_at) !== Date.parse(currentStart),
          )}
          timeZone={timeZone}
          onPick={choice.select}
        />
      ) : null}
      <SlotPicker
        slots={slots}
        timeZone={timeZone}
        today={today}
        horizonDays={horizonDays}
        selected={choice.selected}
        onSelect={choice.select}
        exclude={currentStart}
      />
      {refusal ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-900">
          {refusal}
        </p>
      ) : null}
      <p className="text-sm text-slate-800" aria-live="polite">
        {choice.selected
          ? `New time: ${slotSummary(choice.selected, timeZone)}`
          : 'No new time picked yet.'}
      </p>
      <Button type="submit" variant="secondary" pending={pending} disabled={!choice.selected}>
        Move to this time
      </Button>
    </form>
  )
}
