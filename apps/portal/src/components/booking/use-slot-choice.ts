'use client'

import type { ActionFailure } from '@repo/actions/result'
import { nextSlotsAfter, type Slot } from '@repo/domain/booking'
import { useState } from 'react'
import type { OpenSlots } from './use-open-slots'

/**
 * The time the customer picked, and what happens when the database says it was taken meanwhile:
 * the choice is dropped, the page of free times is fetched again and the next free ones are
 * offered. Everything else the customer entered stays as it is.
 */
export function useSlotChoice(slots: OpenSlots) {
  const [selected, setSelected] = useState<Slot | null>(null)
  const [taken, setTaken] = useState<{ message: string; next: Slot[] } | null>(null)

  const select = (slot: Slot) => {
    setSelected(slot)
    setTaken(null)
  }

  /** Handles a refusal of `tried`; true when it was about the time (the caller shows nothing else then). */
  const onRefused = (failure: ActionFailure, tried: Slot | null): boolean => {
    const message = failure.fieldErrors?.startsAt?.[0]
    if (!message || !tried) return false
    const lost = tried.starts_at
    setSelected((current) => (current?.starts_at === lost ? null : current))
    setTaken({ message, next: [] })
    void slots.load().then((fresh) => {
      if (fresh) setTaken({ message, next: nextSlotsAfter(fresh, lost) })
    })
    return true
  }

  const reset = () => {
    setSelected(null)
    setTaken(null)
  }

  return { selected, select, taken, onRefused, reset }
}
